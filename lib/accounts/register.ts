// Citizen self-registration, through the mutation door.
import "server-only";
import { defineUseCase, AppError } from "@/lib/auth/door";
import { hashPassword } from "@/lib/auth/password";
import { accountText } from "@/lib/i18n/vi/accounts";
import { CitizenRegistration } from "./registration-schema";

export const registerCitizen = defineUseCase({
  name: "account.register",
  permission: "public",
  schema: CitizenRegistration,
  entityType: "user",
  async run(input, { tx }) {
    const [byEmail, byCccd] = await Promise.all([
      tx.user.findUnique({ where: { email: input.email }, select: { id: true } }),
      tx.user.findUnique({ where: { cccd: input.cccd }, select: { id: true } }),
    ]);
    if (byEmail) throw new AppError("conflict", accountText.errors.emailTaken, "email");
    if (byCccd) throw new AppError("conflict", accountText.errors.cccdTaken, "cccd");
    const user = await tx.user.create({
      data: {
        role: "CITIZEN",
        fullName: input.fullName,
        cccd: input.cccd,
        dateOfBirth: new Date(`${input.dateOfBirth}T00:00:00Z`),
        phone: input.phone,
        email: input.email,
        passwordHash: await hashPassword(input.password),
      },
      select: { id: true },
    });
    return { result: { userId: user.id }, entityId: user.id, details: { email: input.email } };
  },
});
