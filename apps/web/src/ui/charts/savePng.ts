import { downloadBlob } from "./download.ts";
import type { LegendEntry } from "./legend.ts";

export interface PngOptions {
  title: string;
  /** A second line under the title, e.g. the unit and period. */
  subtitle?: string | undefined;
  legend: LegendEntry[];
  filename: string;
}

const PADDING = 16;
const SCALE = 2;
const TEXT = "#1b1b1b";
const MUTED = "#595959";

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error("The chart could not be drawn as an image"));
    image.src = url;
  });
}

/** Words of `text` in lines no wider than `width`. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Legend entries laid out left to right, wrapping: each with its x and row. */
function layoutLegend(ctx: CanvasRenderingContext2D, legend: LegendEntry[], width: number) {
  const placed: { entry: LegendEntry; x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const entry of legend) {
    const w = 28 + ctx.measureText(entry.label).width + 20;
    if (x > 0 && x + w > width) {
      x = 0;
      row += 1;
    }
    placed.push({ entry, x, row });
    x += w;
  }
  return { placed, rows: legend.length ? row + 1 : 0 };
}

/**
 * Draws a chart's SVG on a canvas — with its title above and its legend below, so the picture
 * explains itself — and downloads it as PNG. No library and no network: SVG → Image → canvas.
 */
export async function saveChartAsPng(svg: SVGSVGElement, options: PngOptions): Promise<void> {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width || Number(svg.getAttribute("width")) || 600);
  const height = Math.round(box.height || Number(svg.getAttribute("height")) || 300);
  const font = getComputedStyle(svg).fontFamily || "sans-serif";

  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  clone.style.fontFamily = font;
  const xml = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([xml], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement("canvas");
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("Canvas is not available");

    const innerWidth = Math.max(width, 320);
    ctx.font = `600 16px ${font}`;
    const titleLines = wrap(ctx, options.title, innerWidth);
    ctx.font = `14px ${font}`;
    const subtitleLines = options.subtitle ? wrap(ctx, options.subtitle, innerWidth) : [];
    const legend = layoutLegend(ctx, options.legend, innerWidth);
    const headerHeight = titleLines.length * 22 + subtitleLines.length * 20 + 8;
    const legendHeight = legend.rows * 22 + (legend.rows ? 8 : 0);

    canvas.width = (innerWidth + PADDING * 2) * SCALE;
    canvas.height = (PADDING * 2 + headerHeight + height + legendHeight) * SCALE;
    ctx.scale(SCALE, SCALE);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.textBaseline = "top";

    let y = PADDING;
    ctx.fillStyle = TEXT;
    ctx.font = `600 16px ${font}`;
    for (const line of titleLines) {
      ctx.fillText(line, PADDING, y);
      y += 22;
    }
    ctx.fillStyle = MUTED;
    ctx.font = `14px ${font}`;
    for (const line of subtitleLines) {
      ctx.fillText(line, PADDING, y);
      y += 20;
    }
    y += 8;
    ctx.drawImage(image, PADDING, y, width, height);
    y += height + 8;

    ctx.font = `14px ${font}`;
    for (const { entry, x, row } of legend.placed) {
      const left = PADDING + x;
      const top = y + row * 22;
      ctx.fillStyle = entry.color;
      ctx.strokeStyle = entry.color;
      if (entry.shape === "box") {
        ctx.fillRect(left, top + 3, 20, 12);
      } else {
        ctx.lineWidth = 3;
        ctx.setLineDash(entry.shape === "dashed" ? [5, 3] : []);
        ctx.beginPath();
        ctx.moveTo(left, top + 9);
        ctx.lineTo(left + 20, top + 9);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.fillStyle = TEXT;
      ctx.fillText(entry.label, left + 28, top + 1);
    }

    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("The image could not be encoded");
    downloadBlob(
      blob,
      options.filename.endsWith(".png") ? options.filename : `${options.filename}.png`,
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
