import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { i18n } from "../../i18n/index.ts";
import { CostStatus } from "./CostStatus.tsx";
import { costOf, limitRefusal, type LastRun, type ResponseLike } from "./run.ts";

const lastRun = (response: ResponseLike): LastRun => ({
  query: "{ viewer { username } }",
  variables: {},
  operationName: null,
  response,
  failure: null,
});

const cost = { requested: 1234, limit: 50000, remaining: 498766, budgetPerMinute: 500000 };

describe("CostStatus", () => {
  it("asks for a first run", () => {
    render(<CostStatus run={null} />);
    expect(screen.getByRole("status")).toHaveTextContent(
      "Chạy một truy vấn để xem chi phí của nó.",
    );
  });

  it("shows the points the last request took and what is left of the minute's budget", () => {
    render(<CostStatus run={lastRun({ data: {}, extensions: { cost } })} />);
    expect(screen.getByRole("status")).toHaveTextContent(
      "Chi phí lần chạy vừa rồi: 1.234 điểm (tối đa 50.000 điểm mỗi truy vấn) · còn 498.766 / 500.000 điểm trong phút này",
    );
  });

  it("in English", async () => {
    await i18n.changeLanguage("en");
    render(
      <CostStatus run={lastRun({ data: {}, extensions: { cost: { ...cost, requested: 1 } } })} />,
    );
    expect(screen.getByRole("status")).toHaveTextContent(
      "Cost of the last request: 1 point (at most 50,000 per request) · 498,766 of 500,000 points left this minute",
    );
  });

  it("explains QUERY_TOO_COMPLEX in plain words", () => {
    render(
      <CostStatus
        run={lastRun({
          errors: [
            {
              message: "This query would cost 61000 points; the limit is 50000.",
              extensions: { code: "QUERY_TOO_COMPLEX", cost: 61000, maxCost: 50000 },
            },
          ],
        })}
      />,
    );
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Truy vấn quá lớn");
    expect(alert).toHaveTextContent(/tốn 61\.000 điểm, vượt mức 50\.000 điểm cho một truy vấn/);
    expect(alert).toHaveTextContent(/dùng stats để đếm/);
  });

  it("explains RATE_LIMITED in plain words, in both languages", async () => {
    const refused = lastRun({
      errors: [
        {
          message: "Your query budget is spent (500000 points per minute); try again in 7 s.",
          extensions: { code: "RATE_LIMITED", cost: 40000, remaining: 12, retryAfterSeconds: 7 },
        },
      ],
    });
    const { unmount } = render(<CostStatus run={refused} />);
    expect(screen.getByRole("alert")).toHaveTextContent("Đã hết ngân sách truy vấn của phút này");
    expect(screen.getByRole("alert")).toHaveTextContent(/đợi khoảng 7 giây rồi chạy lại/);
    unmount();
    await i18n.changeLanguage("en");
    render(<CostStatus run={refused} />);
    expect(screen.getByRole("alert")).toHaveTextContent("This minute's query budget is spent");
    expect(screen.getByRole("alert")).toHaveTextContent(/Wait about 7 seconds/);
  });
});

describe("reading the response", () => {
  it("takes extensions.cost only when it is well formed", () => {
    expect(costOf({ extensions: { cost } })).toEqual(cost);
    expect(costOf({ extensions: { cost: { requested: 3 } } })).toEqual({
      requested: 3,
      limit: null,
      remaining: null,
      budgetPerMinute: null,
    });
    expect(costOf({ extensions: { cost: "high" } })).toBeNull();
    expect(costOf({ data: {} })).toBeNull();
    expect(costOf(null)).toBeNull();
  });

  it("finds a limit refusal among the errors", () => {
    expect(
      limitRefusal({ errors: [{ message: "x", extensions: { code: "NOT_FOUND" } }] }),
    ).toBeNull();
    expect(
      limitRefusal({
        errors: [
          { message: "a", extensions: { code: "NOT_FOUND" } },
          { message: "b", extensions: { code: "QUERY_TOO_COMPLEX" } },
        ],
      }),
    ).toEqual({ code: "QUERY_TOO_COMPLEX", cost: null, maxCost: null, message: "b" });
  });
});
