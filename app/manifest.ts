import type { MetadataRoute } from "next";
import { commonText } from "@/lib/i18n/vi/common";

// The web app manifest (/manifest.webmanifest). The theme colour is the site header's (brand-800 in
// app/globals.css); the background is the page's (slate-50). The icons are the portal's own unofficial
// mark (public/emblem.svg), not the national emblem.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: commonText.siteName,
    short_name: "Dịch vụ công",
    description: commonText.siteTagline,
    lang: "vi",
    dir: "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: "#8a1c16",
    background_color: "#f8fafc",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/emblem.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
