import { useApolloClient } from "@apollo/client/react";
import { fireEvent, screen, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AS_OF, viewer } from "../../test/fixtures.ts";
import { renderWithApp } from "../../test/render.tsx";
import { templateCsv } from "./columns.ts";
import { CommitImportMutation, PreviewImportMutation } from "./import.operations.ts";
import { ImportWizard } from "./ImportPage.tsx";
import { apolloTransport, ImportTransportContext, xhrTransport } from "./transport.ts";

const staff = viewer({
  username: "staff",
  role: "STAFF",
  unit: { __typename: "OrgUnit", id: "d2", asOf: AS_OF, name: "Đảng bộ thành phố" },
});

const CSV = [
  "Họ và tên,Giới tính,Ngày sinh,Dân tộc,Nghề nghiệp,Mã chi bộ,Ngày vào Đảng",
  "Nguyễn Văn Một,Nam,01/02/1990,Kinh,Nông dân,NT.PR.016.01,19/05/2015",
  "Trần Thị Hai,Nữ,03/04/1992,Chăm,Giáo viên,NT.PR.016.01,03/02/2018",
  ",Nam,05/06/1980,Kinh,Nông dân,NT.XX.999,01/01/2010",
].join("\n");
const BASE64 = Buffer.from(CSV, "utf8").toString("base64");
const input = { unitId: "d2", kind: "MEMBERS", filename: "dang-vien.csv", contentBase64: BASE64 };

/** The wizard's requests through the mocked Apollo client instead of XMLHttpRequest. */
function ThroughApollo({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  return (
    <ImportTransportContext.Provider value={apolloTransport(client)}>
      {children}
    </ImportTransportContext.Provider>
  );
}

const issue = (line: number, field: string, message: string) => ({
  __typename: "ImportIssueType",
  line,
  field,
  message,
});

describe("import", () => {
  it("previews the file's problems and imports the same file", async () => {
    const preview = vi.fn(() => ({
      data: {
        previewImport: {
          __typename: "ImportPreview",
          totalRows: 3,
          validRows: 2,
          invalidRows: 1,
          issues: [
            issue(4, "fullName", "Họ và tên is required"),
            issue(4, "cellCode", "No cell NT.XX.999 in this unit"),
          ],
          sample: [
            {
              __typename: "ImportSampleRow",
              line: 2,
              fullName: "Nguyễn Văn Một",
              birthDate: "1990-02-01",
              cellCode: "NT.PR.016.01",
            },
            {
              __typename: "ImportSampleRow",
              line: 3,
              fullName: "Trần Thị Hai",
              birthDate: "1992-04-03",
              cellCode: "NT.PR.016.01",
            },
          ],
        },
      },
    }));
    const commit = vi.fn(() => ({
      data: {
        commitImport: {
          __typename: "ImportResult",
          imported: 2,
          skipped: 1,
          issues: [issue(4, "fullName", "Họ và tên is required")],
        },
      },
    }));
    const { user } = renderWithApp(
      <ThroughApollo>
        <ImportWizard />
      </ThroughApollo>,
      {
        viewer: staff,
        mocks: [
          { request: { query: PreviewImportMutation, variables: { input } }, result: preview },
          { request: { query: CommitImportMutation, variables: { input } }, result: commit },
        ],
      },
    );

    // The expected columns, with a template to download.
    const columns = screen.getByRole("table", { name: "Các cột của tệp" });
    expect(within(columns).getByRole("row", { name: /Ngày vào Đảng/ })).toHaveTextContent("Có");
    expect(screen.getByRole("button", { name: "Tải tệp mẫu (CSV)" })).toBeInTheDocument();

    await user.upload(
      screen.getByLabelText("Tệp dữ liệu"),
      new File([CSV], "dang-vien.csv", { type: "text/csv" }),
    );
    await user.click(screen.getByRole("button", { name: "Kiểm tra tệp" }));

    const result = await screen.findByRole("region", {
      name: "Kết quả kiểm tra tệp dang-vien.csv",
    });
    expect(within(result).getByText("Tổng số dòng").nextSibling).toHaveTextContent("3");
    expect(within(result).getByText("Dòng hợp lệ").nextSibling).toHaveTextContent("2");
    const issues = within(result).getByRole("table", { name: "2 lỗi cần sửa" });
    const rows = within(issues).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      "4Họ và tênHọ và tên is required",
      "4Mã chi bộNo cell NT.XX.999 in this unit",
    ]);
    expect(within(result).getByRole("table", { name: "2 dòng hợp lệ đầu tiên" })).toHaveTextContent(
      "Trần Thị Hai03/04/1992",
    );
    expect(preview).toHaveBeenCalledTimes(1);

    await user.click(within(result).getByRole("button", { name: "Nhập 2 dòng hợp lệ" }));
    expect(await screen.findByText(/Đã nhập 2 đảng viên\. Bỏ qua 1 dòng có lỗi\./)).toBeVisible();
    // The import sent exactly the file that was checked (the mock matches the same variables).
    expect(commit).toHaveBeenCalledTimes(1);
  });

  it("explains a file without the required columns", async () => {
    const { user } = renderWithApp(
      <ThroughApollo>
        <ImportWizard />
      </ThroughApollo>,
      {
        viewer: staff,
        mocks: [
          {
            request: {
              query: PreviewImportMutation,
              variables: {
                input: {
                  ...input,
                  filename: "thieu-cot.csv",
                  contentBase64: Buffer.from("Họ và tên\nA", "utf8").toString("base64"),
                },
              },
            },
            result: {
              errors: [
                {
                  message: "Missing columns: gender, birthDate",
                  extensions: { code: "BAD_USER_INPUT", field: "contentBase64" },
                },
              ],
            },
          },
        ],
      },
    );
    await user.upload(
      screen.getByLabelText("Tệp dữ liệu"),
      new File(["Họ và tên\nA"], "thieu-cot.csv", { type: "text/csv" }),
    );
    await user.click(screen.getByRole("button", { name: "Kiểm tra tệp" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Tệp thiếu cột: Giới tính, Ngày sinh.",
    );
  });

  it("refuses other files before sending them", async () => {
    const { user } = renderWithApp(<ImportWizard />, { viewer: staff });
    const file = screen.getByLabelText("Tệp dữ liệu");
    // As a browser does when "All files" is chosen in the file dialog.
    fireEvent.change(file, {
      target: { files: [new File(["%PDF"], "danh-sach.pdf", { type: "application/pdf" })] },
    });
    await user.click(screen.getByRole("button", { name: "Kiểm tra tệp" }));
    expect(file).toHaveAccessibleDescription(/Chỉ nhận tệp .csv hoặc .xlsx/);
  });

  it("writes a template with the columns the API reads", () => {
    expect(templateCsv("CANDIDATES", "vi")).toBe(
      "\uFEFFHọ và tên,Giới tính,Ngày sinh,Dân tộc,Nghề nghiệp,Mã chi bộ,Ngày đăng ký,Điện thoại,Số CCCD,Địa chỉ\r\n",
    );
    expect(templateCsv("MEMBERS", "en")).toContain("Admitted on,Official on");
  });
});

describe("the upload transport", () => {
  const original = globalThis.XMLHttpRequest;
  afterEach(() => {
    globalThis.XMLHttpRequest = original;
  });

  /** An XMLHttpRequest that uploads in two steps and answers with `body`. */
  function fakeXhr(status: number, body: unknown) {
    const sent: string[] = [];
    class FakeXhr {
      status = status;
      responseText = JSON.stringify(body);
      withCredentials = false;
      upload: {
        onprogress:
          ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
        onload: (() => void) | null;
      } = { onprogress: null, onload: null };
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      headers: Record<string, string> = {};
      open() {}
      setRequestHeader(name: string, value: string) {
        this.headers[name] = value;
      }
      send(payload: string) {
        sent.push(payload);
        queueMicrotask(() => {
          this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
          this.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
          this.upload.onload?.();
          this.onload?.();
        });
      }
    }
    globalThis.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
    return sent;
  }

  it("posts the operation as JSON and reports the upload's progress", async () => {
    const sent = fakeXhr(200, { data: { commitImport: { imported: 1 } } });
    const progress: number[] = [];
    const data = await xhrTransport(CommitImportMutation, { input } as never, (f) =>
      progress.push(f),
    );
    expect(data).toEqual({ commitImport: { imported: 1 } });
    expect(progress).toEqual([0.5, 1, 1]);
    const body = JSON.parse(sent[0]!) as { query: string; variables: unknown };
    expect(body.query).toContain("mutation CommitImport");
    expect(body.variables).toEqual({ input });
  });

  it("turns GraphQL errors into the errors the UI explains", async () => {
    fakeXhr(200, {
      errors: [{ message: "No", extensions: { code: "FORBIDDEN" } }],
    });
    await expect(
      xhrTransport(CommitImportMutation, { input } as never, () => {}),
    ).rejects.toMatchObject({
      errors: [{ extensions: { code: "FORBIDDEN" } }],
    });
  });
});
