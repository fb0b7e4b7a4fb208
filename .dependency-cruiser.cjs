// The layers, enforced: app → components → lib, never back; lib never renders React. `npm run lint`
// runs this; ARCHITECTURE.md draws the same picture.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "lib-not-to-app-or-components",
      severity: "error",
      comment: "lib/ holds the rules; it returns codes and data and knows nothing of pages or UI.",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "components-not-to-app",
      severity: "error",
      comment: "Components render what pages give them; types and actions they need live in lib/ or are passed in as props.",
      from: { path: "^components/" },
      to: { path: "^app/", dependencyTypes: ["local", "aliased", "aliased-tsconfig", "aliased-tsconfig-paths"] },
    },
    {
      name: "lib-no-react-components",
      severity: "error",
      comment: "lib/ renders nothing: no JSX files, no React DOM. React itself only for its per-request cache (current-user.ts).",
      from: { path: "^lib/" },
      to: { path: ["\\.tsx$", "^node_modules/react-dom/", "^node_modules/react/jsx"] },
    },
    {
      name: "lib-react-only-for-cache",
      severity: "error",
      comment: "The one React import lib/ may make: cache() for the request's user.",
      from: { path: "^lib/", pathNot: "^lib/auth/current-user\\.ts$" },
      to: { path: "^node_modules/react/" },
    },
    {
      name: "no-tests-from-source",
      severity: "error",
      from: { path: "^(app|components|lib|scripts|prisma)/" },
      to: { path: "^tests/" },
    },
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle means two modules each own part of one rule.",
      from: { path: "^(lib|components)/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(lib/generated|\\.next)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
