import type { Metadata } from "next";
import { openApiDocument } from "@/lib/documents/openapi";
import { API_ERROR_MESSAGES } from "@/lib/errors/messages";
import { publicBaseUrl } from "@/lib/notify/notify";

// Reads live data (the database, or the deployment's public address): rendered per request.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API liên thông văn bản" };

/** The API's documentation for agencies' developers, read from the same OpenAPI description. */
export default function ApiDocsPage() {
  const doc = openApiDocument(publicBaseUrl());
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, { summary: string; responses: Record<string, { description: string }> }>).map(
      ([method, op]) => ({ path, method, op }),
    ),
  );
  return (
    <article className="space-y-4">
      <h1 className="text-2xl font-bold">{doc.info.title}</h1>
      <p>{doc.info.description}</p>
      <p>
        Địa chỉ: <code>{doc.servers[0]!.url}</code> · Xác thực: <code>Authorization: Bearer dvc_…</code> (khóa API do quản trị cấp cho từng
        cơ quan) · Mô tả đầy đủ: <a href="/api/v1/openapi.json">OpenAPI 3.1 (JSON)</a>
      </p>
      <ul className="space-y-3">
        {operations.map(({ path, method, op }) => (
          <li key={`${method} ${path}`} className="card space-y-1" data-testid="api-op">
            <h2 className="font-mono text-base font-semibold">
              {method.toUpperCase()} {path}
            </h2>
            <p>{op.summary}</p>
            <table className="text-left text-sm">
              <caption className="sr-only">
                Mã trả về của {method.toUpperCase()} {path}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-4">
                    Mã
                  </th>
                  <th scope="col">Ý nghĩa</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(op.responses).map(([code, r]) => (
                  <tr key={code}>
                    <td className="pr-4 font-mono">{code}</td>
                    <td>{r.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
      <section aria-labelledby="ma-loi" className="card space-y-2">
        <h2 id="ma-loi" className="text-lg font-semibold">
          Mã lỗi
        </h2>
        <p>
          Mọi lỗi được trả về dạng <code>application/problem+json</code> (RFC 9457) với trường <code>code</code> ổn định dưới đây;{" "}
          <code>type</code> trỏ tới mục tương ứng của trang này. Nghĩa của mã có cả tiếng Việt và tiếng Anh trong <code>messages</code> (
          <code>vi</code>, <code>en</code>; mỗi trường sai trong <code>errors[].messages</code>); gửi <code>Accept-Language: en</code> để
          nhận <code>title</code> và <code>detail</code> bằng tiếng Anh.
        </p>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          {Object.entries(API_ERROR_MESSAGES).map(([code, meaning]) => (
            <div key={code} className="contents">
              <dt id={`loi-${code}`} className="scroll-mt-4 font-mono">
                {code}
              </dt>
              <dd>
                {meaning.vi}
                <span lang="en" className="block text-slate-700">
                  {meaning.en}
                </span>
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}
