import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { Plugin, ResolvedConfig } from "vite";

/**
 * GraphiQL's and Monaco's style sheets embed their fonts (Roboto, Fira Code, the codicon icon
 * font) as `data:` URLs. The API's Content-Security-Policy has no `font-src`, so fonts fall
 * back to `default-src 'self'` and the browser refuses every one of them (a CSP violation per
 * font). This plugin moves each embedded font into a file of its own, which Vite then emits as
 * a hashed asset served from 'self' — the policy stays as strict as it is.
 */

/** `url(data:font/woff2;base64,…)`, `url("data:application/font-woff;…")` and the like. */
const DATA_FONT =
  /url\(\s*(["']?)data:(?:font\/|application\/(?:x-)?font-)([a-z0-9.+-]+)(?:;[^,;)"']*)*;base64,([A-Za-z0-9+/=\s]+)\1\s*\)/gi;

const EXTENSIONS: Record<string, string> = {
  ttf: "ttf",
  truetype: "ttf",
  "x-font-ttf": "ttf",
  otf: "otf",
  opentype: "otf",
  woff: "woff",
  woff2: "woff2",
};

export interface ExtractedFont {
  /** Content-addressed, e.g. `font-1a2b3c4d5e6f.woff2`. */
  fileName: string;
  bytes: Buffer;
}

/**
 * Replaces every base64 font in `css` with `url(<href(fileName)>)` and returns the fonts to
 * write. Pure, so that it can be tested without Vite.
 */
export function extractDataFonts(
  css: string,
  href: (fileName: string) => string,
): { css: string; fonts: ExtractedFont[] } {
  const fonts = new Map<string, ExtractedFont>();
  const out = css.replace(DATA_FONT, (_match, _quote: string, type: string, base64: string) => {
    const bytes = Buffer.from(base64.replace(/\s+/g, ""), "base64");
    const extension = EXTENSIONS[type.toLowerCase()] ?? "font";
    const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 12);
    const fileName = `font-${hash}.${extension}`;
    fonts.set(fileName, { fileName, bytes });
    return `url("${href(fileName)}")`;
  });
  return { css: out, fonts: [...fonts.values()] };
}

/**
 * The Vite plugin: applies `extractDataFonts` to the style sheets of the packages matched by
 * `packages` (GraphiQL's and Monaco's by default), writing the fonts under Vite's cache folder
 * and pointing the CSS at them by relative path, so that Vite's own asset handling takes over
 * (hashed files in dist/assets on build, /@fs/ URLs in dev) — without inlining small ones.
 */
export function graphiqlDataFonts(
  packages: RegExp = /[\\/]node_modules[\\/](?:graphiql|@graphiql[\\/][^\\/]+|monaco-editor)[\\/].*\.css$/,
): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: "dangbo:graphiql-data-fonts",
    enforce: "pre",
    configResolved(resolved) {
      config = resolved;
    },
    transform(code, id) {
      const file = id.split("?")[0] ?? id;
      if (!packages.test(file) || !code.includes("data:")) return null;
      const folder = join(
        config?.cacheDir ?? join(process.cwd(), "node_modules", ".vite"),
        "fonts",
      );
      const { css, fonts } = extractDataFonts(code, (fileName) => {
        const path = relative(dirname(file), join(folder, fileName)).split(sep).join("/");
        // `?no-inline`: Vite would otherwise turn fonts under 4 kB back into data: URLs.
        return `${path.startsWith(".") ? path : `./${path}`}?no-inline`;
      });
      if (fonts.length === 0) return null;
      mkdirSync(folder, { recursive: true });
      for (const font of fonts) writeFileSync(join(folder, font.fileName), font.bytes);
      return { code: css, map: null };
    },
  };
}
