import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { viewer } from "../../test/fixtures.ts";
import { renderWithApp } from "../../test/render.tsx";
import { DeleteAwardMutation } from "./awards.operations.ts";
import { RemoveAward } from "./RemoveAward.tsx";

describe("RemoveAward", () => {
  it("asks for the reason, then removes the award", async () => {
    const removed = { called: false };
    const { user } = renderWithApp(<RemoveAward id="a7" name="Cờ thi đua 77/QĐ-UBND" />, {
      viewer: viewer({ username: "staff", role: "STAFF" }),
      mocks: [
        {
          request: {
            query: DeleteAwardMutation,
            variables: { id: "a7", reason: "Ghi nhầm đơn vị" },
          },
          result: () => {
            removed.called = true;
            return { data: { deleteAward: true } };
          },
        },
      ],
    });
    await user.click(screen.getByRole("button", { name: "Xoá Cờ thi đua 77/QĐ-UBND" }));
    await user.click(screen.getByRole("button", { name: "Xoá khen thưởng" }));
    expect(screen.getByLabelText("Lý do xoá")).toHaveAccessibleDescription(
      /Vui lòng nhập lý do xoá\./,
    );
    expect(removed.called).toBe(false);
    await user.type(screen.getByLabelText("Lý do xoá"), "Ghi nhầm đơn vị");
    await user.click(screen.getByRole("button", { name: "Xoá khen thưởng" }));
    await expect.poll(() => removed.called).toBe(true);
  });

  it("is not offered to those who may not remove awards", () => {
    renderWithApp(<RemoveAward id="a7" name="Cờ thi đua" />, {
      viewer: viewer({ username: "analyst", role: "ANALYST" }),
    });
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });
});
