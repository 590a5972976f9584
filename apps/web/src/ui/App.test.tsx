import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { RootUnitsQuery } from "../features/committee/committee.operations.ts";
import { treeRow } from "../test/fixtures.ts";
import { renderApp } from "../test/render.tsx";

const rootUnitsMock = {
  request: { query: RootUnitsQuery },
  result: {
    data: {
      rootUnits: [
        {
          ...treeRow({ id: "p1", name: "Đảng bộ tỉnh Ninh Thuận", kind: "PROVINCIAL_COMMITTEE" }),
          children: [],
        },
      ],
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

describe("app shell", () => {
  // "/" leads to the user's home (features/auth/home.ts; the dashboard's tests cover it).
  it("shows the committee tree with a skip link and a main landmark", async () => {
    renderApp({ mocks: [rootUnitsMock], path: "/units" });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Cây tổ chức đảng" }),
    ).toBeInTheDocument();
    const skip = screen.getByRole("link", { name: "Chuyển đến nội dung chính" });
    expect(skip).toHaveAttribute("href", "#main-content");
    expect(screen.getByRole("main")).toHaveAttribute("id", "main-content");

    const nav = screen.getByRole("navigation", { name: "Điều hướng chính" });
    expect(within(nav).getByRole("list", { name: "Lãnh đạo" })).toHaveTextContent(
      "Cây tổ chức đảng",
    );
    expect(within(nav).getByRole("list", { name: "Bí thư chi bộ" })).toHaveTextContent("Đảng viên");
    expect(within(nav).getByRole("list", { name: "Phân tích" })).toHaveTextContent("Đảng viên");
    expect(within(nav).getByRole("link", { name: "Cây tổ chức đảng" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });

  it("shows a not-found page for an unknown address", async () => {
    renderApp({ path: "/khong-co" });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Không tìm thấy trang" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Về cây tổ chức đảng" })).toHaveAttribute(
      "href",
      "/units",
    );
  });

  it("has a menu button that controls the navigation", async () => {
    const { user } = renderApp({ mocks: [rootUnitsMock], path: "/units" });
    // The navigation appears once the session is known.
    const button = await screen.findByRole("button", { name: "Danh mục" });
    const nav = screen.getByRole("navigation", { name: "Điều hướng chính" });
    expect(button).toHaveAttribute("aria-controls", nav.id);
    expect(button).toHaveAttribute("aria-expanded", "false");
    await user.click(button);
    expect(button).toHaveAttribute("aria-expanded", "true");
    expect(nav).toHaveAttribute("data-open", "true");
    // Choosing a link closes the menu, even the link to the page already shown.
    await user.click(within(nav).getByRole("link", { name: "Cây tổ chức đảng" }));
    expect(button).toHaveAttribute("aria-expanded", "false");

    // Escape closes it from inside the menu and gives focus back to the button.
    await user.click(button);
    within(nav).getByRole("link", { name: "Cây tổ chức đảng" }).focus();
    await user.keyboard("{Escape}");
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(button).toHaveFocus();
  });

  it("switches the language to English and back, and remembers it", async () => {
    const { user } = renderApp({ mocks: [rootUnitsMock], path: "/units" });
    await screen.findByRole("link", { name: "Đảng bộ tỉnh Ninh Thuận" });
    expect(document.documentElement.lang).toBe("vi");
    const group = screen.getByRole("group", { name: "Ngôn ngữ" });
    expect(within(group).getByRole("button", { name: "Tiếng Việt" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    await user.click(within(group).getByRole("button", { name: "English" }));

    expect(screen.getByText("Party-building work")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Committee tree" })).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Main navigation" });
    expect(within(nav).getByRole("list", { name: "Leaders" })).toBeInTheDocument();
    expect(within(nav).getByRole("list", { name: "Cell secretaries" })).toBeInTheDocument();
    expect(within(nav).getByRole("list", { name: "Analysts" })).toBeInTheDocument();
    expect(screen.getByText("Provincial committee")).toBeInTheDocument();
    expect(screen.getByText("10 official · 1 probationary")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem("dangbo.language")).toBe("en");

    await user.click(screen.getByRole("button", { name: "Tiếng Việt" }));
    expect(screen.getByText("Công tác xây dựng Đảng")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Cây tổ chức đảng" })).toBeInTheDocument();
    expect(screen.getByText("Đảng bộ tỉnh")).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("vi");
    expect(localStorage.getItem("dangbo.language")).toBe("vi");
  });
});
