import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { i18n } from "../../i18n/index.ts";
import { EXAMPLES } from "./examples.ts";
import { ExampleList, findDocumentId } from "./ExamplesPanel.tsx";

describe("ExampleList", () => {
  it("shows every example with its description and loads the one clicked", async () => {
    const onLoad = vi.fn();
    render(<ExampleList examples={EXAMPLES} language="vi" onLoad={onLoad} />);
    expect(screen.getAllByRole("listitem")).toHaveLength(EXAMPLES.length);
    expect(
      screen.getByRole("heading", { name: "Kết nạp đảng viên theo đơn vị và năm" }),
    ).toBeVisible();
    const load = screen.getByRole("button", {
      name: "Nạp truy vấn: Đảng viên theo lĩnh vực và nhóm tuổi",
    });
    expect(load).toHaveAccessibleDescription(/stats, MEMBERS/);
    await userEvent.click(load);
    expect(onLoad).toHaveBeenCalledWith(EXAMPLES.find((e) => e.id === "members-by-sector-age"));
  });

  it("speaks English too", async () => {
    await i18n.changeLanguage("en");
    render(<ExampleList examples={EXAMPLES} language="en" onLoad={() => undefined} />);
    const item = screen
      .getByRole("heading", { name: "Thematic meeting compliance per quarter" })
      .closest("li")!;
    expect(within(item).getByText(/meetingCompliance/)).toBeVisible();
    expect(
      within(item).getByRole("button", {
        name: "Load query: Thematic meeting compliance per quarter",
      }),
    ).toBeEnabled();
  });

  it("waits for the editors", () => {
    render(
      <ExampleList examples={EXAMPLES} language="vi" onLoad={() => undefined} ready={false} />,
    );
    for (const button of screen.getAllByRole("button")) expect(button).toBeDisabled();
  });

  it("disables the buttons while an example is being prepared", () => {
    render(
      <ExampleList
        examples={EXAMPLES}
        language="vi"
        onLoad={() => undefined}
        loading="resolution-coverage"
      />,
    );
    for (const button of screen.getAllByRole("button")) expect(button).toBeDisabled();
    expect(
      screen.getByRole("button", { name: /Nạp truy vấn: Quán triệt, triển khai Nghị quyết/ }),
    ).toHaveAttribute("aria-busy", "true");
  });
});

describe("findDocumentId", () => {
  it("finds the resolution by its number through the documents search", async () => {
    const fetchImpl = vi.fn(async () =>
      Response.json({
        data: {
          documents: {
            edges: [
              { node: { id: "7", number: "21-KL/TW" } },
              { node: { id: "9", number: "21-NQ/TW" } },
            ],
          },
        },
      }),
    );
    await expect(findDocumentId("21-NQ/TW", fetchImpl)).resolves.toBe("9");
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/graphql");
    expect(init).toMatchObject({
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
    });
    expect(JSON.parse(String(init.body)).variables).toEqual({ search: "21-NQ/TW" });
  });

  it("is null when nothing matches or the request fails", async () => {
    const none = vi.fn(async () => Response.json({ data: { documents: { edges: [] } } }));
    await expect(findDocumentId("21-NQ/TW", none)).resolves.toBeNull();
    const down = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(findDocumentId("21-NQ/TW", down)).resolves.toBeNull();
  });
});
