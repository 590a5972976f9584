import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render.tsx";
import { ChangePasswordMutation } from "./account.operations.ts";
import { ChangePasswordPage } from "./ChangePasswordPage.tsx";

const fields = () => ({
  current: screen.getByLabelText("Mật khẩu hiện tại", { exact: true }),
  next: screen.getByLabelText("Mật khẩu mới", { exact: true }),
  confirm: screen.getByLabelText("Nhập lại mật khẩu mới", { exact: true }),
  submit: screen.getByRole("button", { name: "Đổi mật khẩu" }),
});

describe("change password", () => {
  it("catches a mismatched confirmation before asking the server", async () => {
    const change = vi.fn(() => ({ data: { changePassword: true } }));
    const { user } = renderWithApp(<ChangePasswordPage />, {
      mocks: [
        {
          request: {
            query: ChangePasswordMutation,
            variables: { currentPassword: "old-password", newPassword: "new-password-1" },
          },
          result: change,
        },
      ],
    });
    const f = fields();
    expect(f.current).toHaveAttribute("autocomplete", "current-password");
    expect(f.next).toHaveAttribute("autocomplete", "new-password");
    await user.type(f.current, "old-password");
    await user.type(f.next, "new-password-1");
    await user.type(f.confirm, "new-password-2");
    await user.click(f.submit);

    expect(f.confirm).toHaveAccessibleDescription("Hai lần nhập mật khẩu mới không khớp nhau.");
    expect(f.confirm).toHaveAttribute("aria-invalid", "true");
    expect(f.confirm).toHaveFocus();
    expect(change).not.toHaveBeenCalled();

    await user.clear(f.confirm);
    await user.type(f.confirm, "new-password-1");
    await user.click(f.submit);
    expect(await screen.findByRole("status")).toHaveTextContent(
      "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.",
    );
    expect(change).toHaveBeenCalledTimes(1);
    expect(f.current).toHaveValue("");
  });

  it("asks for at least 8 characters", async () => {
    const { user } = renderWithApp(<ChangePasswordPage />);
    const f = fields();
    await user.type(f.current, "old-password");
    await user.type(f.next, "short");
    await user.click(f.submit);
    expect(f.next).toHaveAccessibleDescription(
      "Ít nhất 8 ký tự. Mật khẩu mới cần ít nhất 8 ký tự.",
    );
  });

  it("shows a wrong current password next to that field", async () => {
    const { user } = renderWithApp(<ChangePasswordPage />, {
      mocks: [
        {
          request: {
            query: ChangePasswordMutation,
            variables: { currentPassword: "not-it-at-all", newPassword: "new-password-1" },
          },
          result: {
            data: null,
            errors: [
              {
                message: "The current password is wrong",
                extensions: { code: "BAD_USER_INPUT", field: "currentPassword" },
              },
            ],
          },
        },
      ],
    });
    const f = fields();
    await user.type(f.current, "not-it-at-all");
    await user.type(f.next, "new-password-1");
    await user.type(f.confirm, "new-password-1");
    await user.click(f.submit);
    expect(await screen.findByText("Mật khẩu hiện tại không đúng.")).toBeInTheDocument();
    expect(f.current).toHaveFocus();
    expect(f.next).toHaveValue("new-password-1");
  });
});
