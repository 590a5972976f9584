import { describe, expect, it } from "vitest";
import { extractDataFonts } from "./dataFonts.ts";

const woff2 = Buffer.from("wOF2 pretend font").toString("base64");
const ttf = Buffer.from("true type").toString("base64");

describe("extractDataFonts", () => {
  it("moves base64 fonts into files and leaves everything else alone", () => {
    const css = [
      `@font-face{font-family:codicon;src:url(data:font/ttf;base64,${ttf}) format("truetype")}`,
      `@font-face { font-family: Roboto; src: url("data:font/woff2;base64,${woff2}") format('woff2'); }`,
      `@font-face { font-family: Roboto; src: url('data:application/font-woff;charset=utf-8;base64,${woff2}'); }`,
      `.icon { background: url(data:image/svg+xml;base64,PHN2Zy8+) }`,
    ].join("\n");
    const { css: out, fonts } = extractDataFonts(css, (name) => `./fonts/${name}`);

    expect(out).not.toContain("data:font");
    expect(out).not.toContain("application/font-woff");
    expect(out).toContain("url(data:image/svg+xml;base64,PHN2Zy8+)");
    expect(out).toMatch(/src:url\("\.\/fonts\/font-[0-9a-f]{12}\.ttf"\) format\("truetype"\)/);
    expect(fonts.map((f) => f.fileName.replace(/[0-9a-f]{12}/, "#"))).toEqual([
      "font-#.ttf",
      "font-#.woff2",
      "font-#.woff",
    ]);
    expect(fonts.find((f) => f.fileName.endsWith(".woff2"))!.bytes.toString()).toBe(
      "wOF2 pretend font",
    );
  });

  it("writes the same font once", () => {
    const face = `@font-face{src:url(data:font/woff2;base64,${woff2})}`;
    const { css, fonts } = extractDataFonts(face + face, (name) => name);
    expect(fonts).toHaveLength(1);
    expect(css.split(fonts[0]!.fileName)).toHaveLength(3);
  });

  it("returns CSS without fonts unchanged", () => {
    const css = ".graphiql-container { display: flex }";
    expect(extractDataFonts(css, (n) => n)).toEqual({ css, fonts: [] });
  });
});
