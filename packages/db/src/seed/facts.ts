import type { Role } from "@dangbo/shared";

/**
 * The real figures of the demo province (Ninh Thuận, from the news reports) that the seed
 * reproduces exactly, and the codes of the units they are about. Tests and the dashboard's
 * fixtures can rely on them.
 */
export const DEMO_FACTS = {
  provinceCode: "NT",
  provinceName: "Đảng bộ tỉnh Ninh Thuận",
  year: 2024,
  admitted: 853,
  target: 805,
  percent: 106.0,
  /** Active members (an open primary assignment) on `activeOn`. */
  membersEndOf2024: 22551,
  /** Grassroots organisations valid on `activeOn`. */
  grassrootsEndOf2024: 435,
  activeOn: "2024-12-31",
  publicSecurityCode: "NT.CA",
  publicSecurityPercent: 173.3,
  borderGuardCode: "NT.BP",
  borderGuardPercent: 125.0,
  ninhHaiCode: "NT.NH",
  ninhHaiPercent: 113.3,
  bacAiCode: "NT.BA",
  bacAiPercent: 60.0,
  cityCode: "NT.PR",
  /** Dissolved in the 2025 streamlining; their 2024 figures still stand. */
  oldBlockCodes: ["NT.KCQ", "NT.KDN"],
  /** Their successors, valid from `reorganisedOn`. */
  newBlockCodes: ["NT.CQD", "NT.UB"],
  reorganisedOn: "2025-02-01",
  /** In the current year this district's grassroots targets add up to 3 less than its own. */
  mismatchDistrictCode: "NT.NS",
  mismatchShortfall: 3,
  /** The residential cell of the demo secretary (xã Thành Hải, Phan Rang - Tháp Chàm). */
  secretaryCellCode: "NT.PR.016.01",
  /** Two cells merged on this date (the first into the second), members moved. */
  mergedCellCodes: ["NT.PR.005.07", "NT.PR.005.06"],
  mergedOn: "2025-07-01",
  /** Members that always exist, for search tests. */
  searchNames: ["Nguyễn Văn An", "Nguyễn Văn Ánh"],
  /** Per direct subordinate in 2024: target and admitted (they add up to 805 and 853). */
  subordinates2024: [
    { code: "NT.PR", target: 160, admitted: 190 },
    { code: "NT.NH", target: 75, admitted: 85 },
    { code: "NT.NP", target: 110, admitted: 118 },
    { code: "NT.NS", target: 90, admitted: 80 },
    { code: "NT.BA", target: 55, admitted: 33 },
    { code: "NT.TB", target: 55, admitted: 50 },
    { code: "NT.TN", target: 65, admitted: 71 },
    { code: "NT.KCQ", target: 70, admitted: 80 },
    { code: "NT.KDN", target: 60, admitted: 55 },
    { code: "NT.CA", target: 30, admitted: 52 },
    { code: "NT.BP", target: 20, admitted: 25 },
    { code: "NT.QS", target: 15, admitted: 14 },
  ],
} as const;

export const DEMO_PASSWORD = "demo";

export interface DemoUser {
  username: string;
  role: Role;
  unitCode: string;
  pii: boolean;
  displayName: string;
}

/** The demo accounts; every one signs in with the password "demo". */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: "admin", role: "ADMIN", unitCode: "NT", pii: true, displayName: "Quản trị hệ thống" },
  { username: "leader", role: "LEADER", unitCode: "NT", pii: true, displayName: "Lê Minh Khoa" },
  {
    username: "staff",
    role: "STAFF",
    unitCode: "NT.PR",
    pii: true,
    displayName: "Phạm Thị Hồng Nhung",
  },
  {
    username: "secretary",
    role: "SECRETARY",
    unitCode: DEMO_FACTS.secretaryCellCode,
    pii: true,
    displayName: "Lê Thị Thu Hà",
  },
  {
    username: "analyst",
    role: "ANALYST",
    unitCode: "NT",
    pii: false,
    displayName: "Trần Quốc Bảo",
  },
];
