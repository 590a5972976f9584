import { screen, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { renderWithApp } from "../../test/render.tsx";
import { EmulationAwardsQuery } from "../awards/awards.operations.ts";
import { EmulationRegistrationsQuery } from "./campaigns.operations.ts";
import { provinceToday, yearOf } from "./dates.ts";
import { EmulationPage } from "./EmulationPage.tsx";

const PROVINCE = { id: "p1", name: "Đảng bộ tỉnh Ninh Thuận" };
const YEAR = yearOf(provinceToday());
const forever = { maxUsageCount: Number.POSITIVE_INFINITY };

function row(
  id: string,
  name: string,
  figures: Partial<{ registrations: number; units: number; completed: number }> = {},
) {
  const registrations = figures.registrations ?? 0;
  const completed = figures.completed ?? 0;
  return {
    __typename: "CampaignSummaryRow" as const,
    id,
    name,
    kind: null,
    registrations,
    units: figures.units ?? registrations,
    completed,
    completionRate: registrations ? Math.round((completed / registrations) * 1000) / 10 : null,
    averageProgress: registrations ? 50 : null,
    eligibleGrassroots: 10,
    registeredGrassroots: figures.units ?? 0,
    notRegisteredGrassroots: 10 - (figures.units ?? 0),
    current: true,
  };
}

function awardRow(unitId: string, name: string, awards: number) {
  return {
    __typename: "AwardSummaryRow" as const,
    unitId,
    name,
    kind: null,
    awards,
    unitAwards: awards,
    memberAwards: 0,
    flags: 0,
    certificates: awards,
    titles: 0,
    multiYear: 0,
    current: true,
  };
}

function awardsMock(total = 1) {
  return {
    request: { query: EmulationAwardsQuery, variables: { unitId: PROVINCE.id, year: YEAR } },
    result: {
      data: {
        awardSummary: {
          __typename: "AwardSummary",
          year: YEAR,
          treeDate: `${YEAR}-12-31`,
          asOf: provinceToday(),
          total: awardRow(PROVINCE.id, PROVINCE.name, total),
          direct: awardRow(PROVINCE.id, PROVINCE.name, 0),
          byKind: [
            {
              __typename: "AwardKindCount",
              kind: "STANDING_COMMITTEE_CERTIFICATE",
              awards: total,
              unitAwards: total,
              memberAwards: 0,
            },
          ],
          bySubordinate: [awardRow("2", "Đảng bộ thành phố Phan Rang - Tháp Chàm", total)],
        },
      },
    },
    ...forever,
  };
}

/**
 * The ids of summary rows are a unit's or a campaign's: here the province's `total` and `direct`
 * share its id, and a campaign has the id of a district.
 */
function registrationsMock() {
  return {
    request: {
      query: EmulationRegistrationsQuery,
      variables: { unitId: PROVINCE.id, year: YEAR },
    },
    result: {
      data: {
        campaignSummary: {
          __typename: "CampaignSummary",
          year: YEAR,
          treeDate: `${YEAR}-12-31`,
          notRegisteredCount: 18,
          total: row(PROVINCE.id, PROVINCE.name, { registrations: 2, units: 2, completed: 1 }),
          direct: row(PROVINCE.id, PROVINCE.name),
          bySubordinate: [
            row("2", "Đảng bộ thành phố Phan Rang - Tháp Chàm", {
              registrations: 2,
              units: 2,
              completed: 1,
            }),
            row("3", "Đảng bộ huyện Ninh Hải"),
          ],
          byCampaign: [
            row("2", "Thi đua chào mừng Đại hội", { registrations: 2, units: 2, completed: 1 }),
          ],
        },
      },
    },
    ...forever,
  };
}

describe("EmulationPage", () => {
  it("keeps each summary row apart although rows share ids (total/direct, unit/campaign)", async () => {
    const { user } = renderWithApp(<EmulationPage />, {
      mocks: [registrationsMock(), awardsMock()],
      path: `/emulation?year=${YEAR}`,
    });
    expect(
      await screen.findByRole("heading", { level: 1, name: `${PROVINCE.name} – năm ${YEAR}` }),
    ).toBeInTheDocument();
    expect(
      screen.getByText("2 đơn vị đăng ký 2 công trình, phần việc", { exact: true }),
    ).toBeInTheDocument();

    const byUnit = screen.getByRole("region", { name: "Đăng ký thi đua theo đơn vị trực thuộc" });
    await user.click(within(byUnit).getByRole("button", { name: "Bảng số liệu" }));
    const unitTable = within(byUnit).getByRole("table");
    const city = within(unitTable).getByRole("link", {
      name: "Đảng bộ thành phố Phan Rang - Tháp Chàm",
    });
    expect(city.closest("tr")).toHaveTextContent("50%");
    expect(within(unitTable).queryByText("Thi đua chào mừng Đại hội")).not.toBeInTheDocument();
    expect(within(unitTable).getByText(`Tổng: ${PROVINCE.name}`)).toBeInTheDocument();

    const byCampaign = screen.getByRole("region", { name: "Đăng ký theo phong trào thi đua" });
    await user.click(within(byCampaign).getByRole("button", { name: "Bảng số liệu" }));
    const campaignLink = within(byCampaign).getByRole("link", {
      name: "Thi đua chào mừng Đại hội",
    });
    expect(campaignLink).toHaveAttribute("href", "/campaigns/2");

    const awards = await screen.findByRole("region", {
      name: "Khen thưởng theo đơn vị trực thuộc",
    });
    await user.click(within(awards).getByRole("button", { name: "Bảng số liệu" }));
    expect(within(awards).getByRole("table")).toHaveTextContent("Bằng khen");
  });

  it("offers Retry when the figures cannot be loaded", async () => {
    renderWithApp(<EmulationPage />, {
      mocks: [
        {
          request: {
            query: EmulationRegistrationsQuery,
            variables: { unitId: PROVINCE.id, year: YEAR },
          },
          result: { errors: [new GraphQLError("down", { extensions: { code: "INTERNAL" } })] },
        },
        awardsMock(),
      ],
      path: `/emulation?year=${YEAR}`,
    });
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("button", { name: "Thử lại" })).toBeInTheDocument();
  });
});
