import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { RouteErrorBoundary } from "./RouteErrorBoundary.tsx";

function Broken(): never {
  throw new Error("chunk failed to load");
}

describe("RouteErrorBoundary", () => {
  it("replaces a page that fails to render with a message and a reload button", () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    render(
      <MemoryRouter>
        <RouteErrorBoundary>
          <Broken />
        </RouteErrorBoundary>
      </MemoryRouter>,
    );
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Không mở được trang này");
    expect(screen.getByRole("button", { name: "Tải lại trang" })).toBeInTheDocument();
    consoleError.mockRestore();
  });
});
