import type { MetadataRoute } from "next";

// /robots.txt: public pages (catalog, agencies, statistics, API reference) may be indexed; the signed-in
// areas, the filing pages and the APIs may not. robots.txt is advice to well-behaved crawlers, never
// access control: every one of these paths checks its caller itself. No sitemap is published.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/can-bo", "/quan-tri", "/ho-so-cua-toi", "/nop-ho-so", "/tai-khoan", "/thanh-toan", "/api"],
    },
  };
}
