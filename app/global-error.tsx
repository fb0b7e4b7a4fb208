"use client";

// Shown when the root layout itself fails: it must render its own <html>.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="vi">
      <body style={{ fontFamily: "sans-serif", padding: "2rem" }}>
        <main>
          <h1>Đã có lỗi xảy ra</h1>
          <p>Hệ thống gặp sự cố khi xử lý yêu cầu. Vui lòng thử lại sau ít phút.</p>
          {error.digest && <p>Mã tham chiếu: {error.digest}</p>}
          <button type="button" onClick={reset}>
            Thử lại
          </button>
        </main>
      </body>
    </html>
  );
}
