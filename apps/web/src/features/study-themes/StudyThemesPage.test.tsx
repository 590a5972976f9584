import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { viewer } from "../../test/fixtures.ts";
import { renderWithApp } from "../../test/render.tsx";
import { provinceToday } from "../documents/access.ts";
import { OwnUnitQuery } from "../documents/documents.operations.ts";
import {
  SetStudyThemeMutation,
  StudyThemeCoverageQuery,
  StudyThemesQuery,
} from "./studyThemes.operations.ts";
import { StudyThemesPage } from "./StudyThemesPage.tsx";

const YEAR = Number(provinceToday().slice(0, 4));

const theme = (year: number, title: string) => ({
  __typename: "StudyTheme",
  id: `t${year}`,
  year,
  title,
  description: null,
  document: null,
});

const themesMock = (themes: unknown[]) => ({
  request: { query: StudyThemesQuery },
  result: { data: { studyThemes: themes } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

const row = (unitId: string, name: string, cells: number, covered: number) => ({
  __typename: "StudyThemeRow",
  unitId,
  name,
  cells,
  cellsCovered: covered,
  percent: cells === 0 ? null : (covered / cells) * 100,
  meetings: covered * 2,
});

const coverageMock = (withTheme: boolean) => ({
  request: { query: StudyThemeCoverageQuery, variables: { unitId: "p1", year: YEAR } },
  result: {
    data: {
      studyThemeCoverage: {
        __typename: "StudyThemeCoverage",
        period: {
          __typename: "PeriodInfo",
          year: YEAR,
          from: `${YEAR}-01-01`,
          until: `${YEAR}-12-31`,
          treeDate: `${YEAR}-12-31`,
        },
        theme: withTheme
          ? { __typename: "StudyTheme", id: `t${YEAR}`, year: YEAR, title: "Bảy dám" }
          : null,
        total: row("p1", "Đảng bộ tỉnh Ninh Thuận", 40, 30),
        rows: [
          row("d1", "Đảng bộ huyện Ninh Hải", 20, 20),
          row("d2", "Đảng bộ huyện Ninh Phước", 20, 10),
        ],
      },
    },
  },
});

describe("StudyThemesPage", () => {
  it("lists the themes and the coverage of this year's theme, with its table", async () => {
    localStorage.setItem("dangbo.chartView.study-theme-coverage", "table");
    renderWithApp(<StudyThemesPage />, {
      mocks: [
        themesMock([theme(YEAR, "Bảy dám"), theme(YEAR - 1, "Phục vụ Nhân dân")]),
        coverageMock(true),
      ],
    });
    const list = await screen.findByRole("table", { name: "Chủ đề học tập các năm" });
    expect(within(list).getByText("Phục vụ Nhân dân")).toBeInTheDocument();
    expect(
      await screen.findByText(/30 \/ 40 chi bộ \(75%\) đã sinh hoạt chuyên đề theo chủ đề/),
    ).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Chi bộ sinh hoạt chuyên đề theo chủ đề năm" });
    expect(within(table).getByText("Đảng bộ huyện Ninh Phước").closest("tr")).toHaveTextContent(
      "50%",
    );
    // Leaders read; only staff set the theme.
    expect(screen.queryByRole("button", { name: "Lưu chủ đề" })).not.toBeInTheDocument();
  });

  it("says when there is no theme yet", async () => {
    renderWithApp(<StudyThemesPage />, { mocks: [themesMock([]), coverageMock(false)] });
    expect(await screen.findByText("Chưa có chủ đề học tập năm nào.")).toBeInTheDocument();
    expect(await screen.findByText(`Năm ${YEAR} chưa có chủ đề học tập.`)).toBeInTheDocument();
  });

  it("lets staff set the year's theme", async () => {
    const saved = theme(YEAR, "Phát huy tinh thần trách nhiệm");
    const mocks = [
      themesMock([]),
      coverageMock(false),
      {
        request: { query: OwnUnitQuery, variables: { id: "p1" } },
        result: {
          data: {
            orgUnit: {
              __typename: "OrgUnit",
              id: "p1",
              asOf: "2025-06-30",
              name: "Đảng bộ tỉnh Ninh Thuận",
              kind: "PROVINCIAL_COMMITTEE",
            },
          },
        },
      },
      {
        request: {
          query: SetStudyThemeMutation,
          variables: { year: YEAR, title: "Phát huy tinh thần trách nhiệm" },
        },
        result: { data: { setStudyTheme: saved } },
      },
    ];
    const { user } = renderWithApp(<StudyThemesPage />, {
      mocks,
      viewer: viewer({ username: "staff", role: "STAFF" }),
    });
    await user.click(await screen.findByRole("button", { name: "Lưu chủ đề" }));
    expect(screen.getByLabelText("Chủ đề")).toHaveAccessibleDescription(/Vui lòng nhập chủ đề\./);
    await user.type(screen.getByLabelText("Chủ đề"), "Phát huy tinh thần trách nhiệm");
    await user.click(screen.getByRole("button", { name: "Lưu chủ đề" }));
    expect(await screen.findByText(`Đã lưu chủ đề năm ${YEAR}.`)).toBeInTheDocument();
  });

  it("opens a year that has a theme with that theme, to correct rather than retype", async () => {
    const mocks = [
      themesMock([theme(YEAR, "Bảy dám")]),
      coverageMock(true),
      {
        request: { query: OwnUnitQuery, variables: { id: "p1" } },
        result: {
          data: {
            orgUnit: {
              __typename: "OrgUnit",
              id: "p1",
              asOf: "2025-06-30",
              name: "Đảng bộ tỉnh Ninh Thuận",
              kind: "PROVINCIAL_COMMITTEE",
            },
          },
        },
      },
    ];
    renderWithApp(<StudyThemesPage />, {
      mocks,
      viewer: viewer({ username: "staff", role: "STAFF" }),
    });
    await screen.findByRole("button", { name: "Lưu chủ đề" });
    expect(await screen.findByDisplayValue("Bảy dám")).toBe(screen.getByLabelText("Chủ đề"));
  });
});
