import { resolve } from "node:path";
import { defineConfig } from "vite";

// A multi-page build into the Web project's wwwroot/, which the Web assembly embeds and serves (see
// ContactCenter.Web.csproj and BrowserApp.cs). The output is never committed.
const root = import.meta.dirname;

export default defineConfig({
  root,
  base: "/",
  build: {
    outDir: resolve(root, "../wwwroot"),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    rollupOptions: {
      input: {
        index: resolve(root, "index.html"),
        agent: resolve(root, "agent.html"),
        supervisor: resolve(root, "supervisor.html"),
        wallboard: resolve(root, "wallboard.html"),
      },
    },
  },
  server: {
    // `npm run dev` against a host started with `dotnet run --project src/ContactCenter.Host`.
    proxy: {
      "/api": "http://127.0.0.1:5080",
      "/hubs": { target: "http://127.0.0.1:5080", ws: true },
    },
  },
});
