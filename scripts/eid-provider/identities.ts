// The demo e-ID's people: made up, not real citizens. The first shares the demo password citizen's
// identity number (prisma/seed/demo.ts), so signing in with it finds that account (link or step-up).
export interface DemoIdentity {
  /** The e-ID's subject (`sub`): stable per person. */
  sub: string;
  name: string;
  /** YYYY-MM-DD */
  birthdate: string;
  /** The 12-digit personal identification number (số định danh cá nhân). */
  pid: string;
  address: string;
  phone: string;
}

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  {
    sub: "demo-vneid-0001",
    name: "Nguyễn Thị Minh Anh",
    birthdate: "1990-05-12",
    pid: "079190012345",
    address: "12 Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh",
    phone: "0912345678",
  },
  {
    sub: "demo-vneid-0002",
    name: "Phạm Quốc Huy",
    birthdate: "1985-11-03",
    pid: "001085067890",
    address: "25 Tràng Tiền, Phường Hoàn Kiếm, Thành phố Hà Nội",
    phone: "0987654321",
  },
  {
    sub: "demo-vneid-0003",
    name: "Võ Thị Thu Trang",
    birthdate: "1998-02-27",
    pid: "048198034567",
    address: "8 Bạch Đằng, Phường Hải Châu, Thành phố Đà Nẵng",
    phone: "0905111222",
  },
  {
    sub: "demo-vneid-0004",
    name: "Đặng Minh Khôi",
    birthdate: "1979-08-19",
    pid: "092079045678",
    address: "3 Hòa Bình, Phường Ninh Kiều, Thành phố Cần Thơ",
    phone: "0939333444",
  },
  {
    sub: "demo-vneid-0005",
    name: "Bùi Thị Lan",
    birthdate: "1993-06-14",
    pid: "037193056789",
    address: "40 Trần Hưng Đạo, Phường Ninh Bình, Tỉnh Ninh Bình",
    phone: "0978555666",
  },
];

/** The levels this demo offers, as the `acr` values it puts in ID tokens (docs/eid.md). */
export const DEMO_ACR = { LoA1: "Mức 1", LoA2: "Mức 2" } as const;
