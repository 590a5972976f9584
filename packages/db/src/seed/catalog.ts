import type { OrgUnitKind, Sector } from "@dangbo/shared";

/**
 * The fixed shape of the demo province: its districts with their real communes and wards,
 * the provincial agencies and enterprises, the police, border guard and military units.
 */

/** What kind of people work in a unit: decides occupations, ages and genders of its members. */
export type Profile =
  | "commune"
  | "residential"
  | "agency"
  | "mass"
  | "health"
  | "school"
  | "highschool"
  | "college"
  | "media"
  | "bank"
  | "stateEnterprise"
  | "privateEnterprise"
  | "police"
  | "borderGuard"
  | "military";

export type SubordinateKey =
  | "PR"
  | "NH"
  | "NP"
  | "NS"
  | "BA"
  | "TB"
  | "TN"
  | "KCQ"
  | "KDN"
  | "CA"
  | "BP"
  | "QS"
  | "CQD"
  | "UB";

export interface SubordinateDef {
  key: SubordinateKey;
  code: string;
  name: string;
  kind: OrgUnitKind;
  sector: Sector;
  validFrom: string;
  validTo: string | null;
  /** Grassroots organisations valid on 2024-12-31. */
  grassroots: number;
  /** Suffix of its decision numbers: "125-QĐ/HU". */
  issuer: string;
  /** The administrative area of a district, for names and addresses. */
  area: string | null;
  /** Party-awareness classes a year. */
  awarenessClasses: number;
  /** Where its grassroots organisations' candidates attend classes when it holds none. */
  classesAt?: SubordinateKey;
  /** Share of the province's admissions target (other years than 2024). */
  targetShare: number;
}

const FROM = "2015-01-01";
export const REORGANISED_ON = "2025-02-01";

export const SUBORDINATES: readonly SubordinateDef[] = [
  {
    key: "PR",
    code: "NT.PR",
    name: "Đảng bộ thành phố Phan Rang - Tháp Chàm",
    kind: "DISTRICT_COMMITTEE",
    sector: "STATE_AGENCY",
    validFrom: FROM,
    validTo: null,
    grassroots: 75,
    issuer: "ThU",
    area: "thành phố Phan Rang - Tháp Chàm",
    awarenessClasses: 2,
    targetShare: 160,
  },
  {
    key: "NH",
    code: "NT.NH",
    name: "Đảng bộ huyện Ninh Hải",
    kind: "DISTRICT_COMMITTEE",
    sector: "STATE_AGENCY",
    validFrom: FROM,
    validTo: null,
    grassroots: 50,
    issuer: "HU",
    area: "huyện Ninh Hải",
    awarenessClasses: 1,
    targetShare: 75,
  },
  {
    key: "NP",
    code: "NT.NP",
    name: "Đảng bộ huyện Ninh Phước",
    kind: "DISTRICT_COMMITTEE",
    sector: "STATE_AGENCY",
    validFrom: FROM,
    validTo: null,
    grassroots: 55,
    issuer: "HU",
    area: "huyện Ninh Phước",
    awarenessClasses: 2,
    targetShare: 110,
  },
  {
    key: "NS",
    code: "NT.NS",
    name: "Đảng bộ huyện Ninh Sơn",
    kind: "DISTRICT_COMMITTEE",
    sector: "STATE_AGENCY",
    validFrom: FROM,
    validTo: null,
    grassroots: 45,
    issuer: "HU",
    area: "huyện Ninh Sơn",
    awarenessClasses: 1,
    targetShare: 90,
  },
  {
    key: "BA",
    code: "NT.BA",
    name: "Đảng bộ huyện Bác Ái",
    kind: "DISTRICT_COMMITTEE",
    sector: "STATE_AGENCY",
    validFrom: FROM,
    validTo: null,
    grassroots: 30,
    issuer: "HU",
    area: "huyện Bác Ái",
    awarenessClasses: 1,
    targetShare: 55,
  },
  {
    key: "TB",
    code: "NT.TB",
    name: "Đảng bộ huyện Thuận Bắc",
    kind: "DISTRICT_COMMITTEE",
    sector: "STATE_AGENCY",
    validFrom: FROM,
    validTo: null,
    grassroots: 30,
    issuer: "HU",
    area: "huyện Thuận Bắc",
    awarenessClasses: 1,
    targetShare: 55,
  },
  {
    key: "TN",
    code: "NT.TN",
    name: "Đảng bộ huyện Thuận Nam",
    kind: "DISTRICT_COMMITTEE",
    sector: "STATE_AGENCY",
    validFrom: FROM,
    validTo: null,
    grassroots: 35,
    issuer: "HU",
    area: "huyện Thuận Nam",
    awarenessClasses: 1,
    targetShare: 65,
  },
  {
    key: "KCQ",
    code: "NT.KCQ",
    name: "Đảng bộ Khối các cơ quan tỉnh",
    kind: "BLOCK_COMMITTEE",
    sector: "STATE_AGENCY",
    validFrom: FROM,
    validTo: REORGANISED_ON,
    grassroots: 55,
    issuer: "ĐUK",
    area: null,
    awarenessClasses: 2,
    targetShare: 70,
  },
  {
    key: "KDN",
    code: "NT.KDN",
    name: "Đảng bộ Khối Doanh nghiệp tỉnh",
    kind: "BLOCK_COMMITTEE",
    sector: "STATE_ENTERPRISE",
    validFrom: FROM,
    validTo: REORGANISED_ON,
    grassroots: 30,
    issuer: "ĐUDN",
    area: null,
    awarenessClasses: 1,
    targetShare: 60,
  },
  {
    key: "CA",
    code: "NT.CA",
    name: "Đảng bộ Công an tỉnh",
    kind: "DIRECT_COMMITTEE",
    sector: "POLICE",
    validFrom: FROM,
    validTo: null,
    grassroots: 15,
    issuer: "ĐUCA",
    area: null,
    awarenessClasses: 1,
    targetShare: 30,
  },
  {
    key: "BP",
    code: "NT.BP",
    name: "Đảng bộ Bộ đội Biên phòng tỉnh",
    kind: "DIRECT_COMMITTEE",
    sector: "MILITARY",
    validFrom: FROM,
    validTo: null,
    grassroots: 10,
    issuer: "ĐUBĐBP",
    area: null,
    awarenessClasses: 0,
    classesAt: "QS",
    targetShare: 20,
  },
  {
    key: "QS",
    code: "NT.QS",
    name: "Đảng bộ Quân sự tỉnh",
    kind: "DIRECT_COMMITTEE",
    sector: "MILITARY",
    validFrom: FROM,
    validTo: null,
    grassroots: 5,
    issuer: "ĐUQS",
    area: null,
    awarenessClasses: 1,
    targetShare: 15,
  },
  {
    key: "CQD",
    code: "NT.CQD",
    name: "Đảng bộ các cơ quan Đảng tỉnh",
    kind: "BLOCK_COMMITTEE",
    sector: "STATE_AGENCY",
    validFrom: REORGANISED_ON,
    validTo: null,
    grassroots: 0,
    issuer: "ĐUCQĐ",
    area: null,
    awarenessClasses: 1,
    targetShare: 45,
  },
  {
    key: "UB",
    code: "NT.UB",
    name: "Đảng bộ Ủy ban nhân dân tỉnh",
    kind: "BLOCK_COMMITTEE",
    sector: "STATE_AGENCY",
    validFrom: REORGANISED_ON,
    validTo: null,
    grassroots: 0,
    issuer: "ĐUUB",
    area: null,
    awarenessClasses: 2,
    targetShare: 85,
  },
];

export interface CommuneDef {
  /** "xã", "phường" or "thị trấn". */
  type: string;
  name: string;
  /** Real or plausible villages (thôn); wards use numbered khu phố. */
  villages?: readonly string[];
  /** Forces the number of village cells. */
  cells?: number;
}

export const COMMUNES: Readonly<Record<string, readonly CommuneDef[]>> = {
  PR: [
    { type: "phường", name: "Bảo An" },
    { type: "phường", name: "Đạo Long" },
    { type: "phường", name: "Đài Sơn" },
    { type: "phường", name: "Đô Vinh" },
    { type: "phường", name: "Kinh Dinh", cells: 9 },
    { type: "phường", name: "Mỹ Bình" },
    { type: "phường", name: "Mỹ Đông" },
    { type: "phường", name: "Mỹ Hải" },
    { type: "phường", name: "Mỹ Hương" },
    { type: "phường", name: "Phủ Hà" },
    { type: "phường", name: "Phước Mỹ" },
    { type: "phường", name: "Tấn Tài" },
    { type: "phường", name: "Thanh Sơn" },
    { type: "phường", name: "Văn Hải" },
    { type: "phường", name: "Đông Hải" },
    {
      type: "xã",
      name: "Thành Hải",
      villages: [
        "Thành Ý",
        "Thành Sơn",
        "Công Thành",
        "Tân Sơn 1",
        "Tân Sơn 2",
        "Mỹ Phước",
        "Phước Thiện",
      ],
      cells: 7,
    },
  ],
  NH: [
    { type: "thị trấn", name: "Khánh Hải" },
    {
      type: "xã",
      name: "Hộ Hải",
      villages: ["Gò Đền", "Lương Cách", "Hộ Diêm", "Kiền Kiền 1", "Kiền Kiền 2", "Tân An"],
    },
    {
      type: "xã",
      name: "Nhơn Hải",
      villages: ["Khánh Hội", "Khánh Nhơn 1", "Khánh Nhơn 2", "Mỹ Tường 1", "Mỹ Tường 2", "Mỹ Tân"],
    },
    {
      type: "xã",
      name: "Phương Hải",
      villages: ["Phương Cựu 1", "Phương Cựu 2", "Phương Cựu 3", "Phương Cựu 4"],
    },
    { type: "xã", name: "Tân Hải", villages: ["Tân An", "Gò Thao", "Hòa Thạnh", "Phước Nhơn"] },
    { type: "xã", name: "Thanh Hải", villages: ["Mỹ Hiệp", "Mỹ Phong", "Mỹ Tân"] },
    {
      type: "xã",
      name: "Tri Hải",
      villages: ["Tri Thủy 1", "Tri Thủy 2", "Khánh Phước", "Tân Hòa"],
    },
    { type: "xã", name: "Vĩnh Hải", villages: ["Thái An", "Vĩnh Hy", "Cầu Gãy", "Đá Hang"] },
    {
      type: "xã",
      name: "Xuân Hải",
      villages: ["An Xuân", "An Nhơn", "Phước Nhơn 1", "Phước Nhơn 2", "Phước Nhơn 3"],
    },
  ],
  NP: [
    { type: "thị trấn", name: "Phước Dân" },
    {
      type: "xã",
      name: "An Hải",
      villages: ["Hòa Thủy", "Long Bình 1", "Long Bình 2", "Phước Lợi", "Tuấn Tú"],
    },
    { type: "xã", name: "Phước Hải", villages: ["Thành Tín", "Nhuận Đức", "Tà Dương", "Hiệp Hòa"] },
    {
      type: "xã",
      name: "Phước Hậu",
      villages: ["Hậu Sanh", "Phước Lợi", "Chất Thường", "Mông Đức", "Nhuận Đức"],
    },
    {
      type: "xã",
      name: "Phước Hữu",
      villages: ["Hữu Đức", "Phước Lập", "Tân Đức", "Thành Đức", "Nho Lâm", "Hiệp Đức"],
    },
    {
      type: "xã",
      name: "Phước Sơn",
      villages: ["Phước Thiện", "Vụ Bổn", "Tân Bổn", "Phước Lợi", "Bảo Vinh"],
    },
    {
      type: "xã",
      name: "Phước Thái",
      villages: ["Hoài Trung", "Như Bình", "Đá Trắng", "Tà Dương"],
    },
    {
      type: "xã",
      name: "Phước Thuận",
      villages: ["Phú Nhuận", "Hiếu Thiện", "Vạn Phước", "Phú Quý", "Phước Khánh"],
    },
    {
      type: "xã",
      name: "Phước Vinh",
      villages: ["Liên Sơn 1", "Liên Sơn 2", "Phước Lập", "Bảo Vinh", "Chung Mỹ"],
    },
  ],
  NS: [
    { type: "thị trấn", name: "Tân Sơn" },
    { type: "xã", name: "Hòa Sơn", villages: ["Tân Bình", "Tân Lập", "Tân Hòa", "Tân Định"] },
    {
      type: "xã",
      name: "Lâm Sơn",
      villages: ["Lâm Phú", "Lâm Hòa", "Lập Lá", "Tầm Ngân", "Gòn 1", "Gòn 2"],
    },
    {
      type: "xã",
      name: "Lương Sơn",
      villages: ["Lương Giang", "Lương Cang", "Trà Giang 1", "Trà Giang 2"],
    },
    { type: "xã", name: "Ma Nới", villages: ["Ú", "Gia Hoa", "Hạ Sơn", "Tà Nôi"] },
    { type: "xã", name: "Mỹ Sơn", villages: ["Phú Thạnh", "Nha Húi", "Tầm Ngân", "Mỹ Hiệp"] },
    {
      type: "xã",
      name: "Nhơn Sơn",
      villages: ["Lương Tri", "Núi Ngỗng", "Nha Húi", "Đắc Nhơn", "Láng Ngựa"],
    },
    {
      type: "xã",
      name: "Quảng Sơn",
      villages: ["Lâm Quảng", "Triệu Phong", "Hạnh Trí", "Sơn Hải", "Đá Mài"],
    },
  ],
  BA: [
    { type: "xã", name: "Phước Bình", villages: ["Bạc Rây", "Hành Rạc", "Gia É", "Bố Lang"] },
    { type: "xã", name: "Phước Chính", villages: ["Núi Rây", "Ma Ty", "Suối Rua"] },
    { type: "xã", name: "Phước Đại", villages: ["Ma Hoa", "Tà Lọt", "Chà Panh", "Tà Lú"] },
    { type: "xã", name: "Phước Hòa", villages: ["Chà Đung", "Ma Lâm", "Ha Lá Thượng", "Ha Lá Hạ"] },
    { type: "xã", name: "Phước Tân", villages: ["Ma Rớ", "Đá Bàn", "Ma Dú"] },
    { type: "xã", name: "Phước Thắng", villages: ["Rã Giữa", "Ma Oai", "Suối Khô"] },
    { type: "xã", name: "Phước Thành", villages: ["Đá Ba Cái", "Trà Co 1", "Trà Co 2"] },
    { type: "xã", name: "Phước Tiến", villages: ["Suối Rớ", "Trà Co", "Tà Lọt", "Đá Trắng"] },
    { type: "xã", name: "Phước Trung", villages: ["Ma Rên", "Suối Đá", "Đá Bắn"] },
  ],
  TB: [
    {
      type: "xã",
      name: "Bắc Phong",
      villages: ["Ba Tháp", "Kiền Kiền", "Gò Sạn", "Xóm Bằng 1", "Xóm Bằng 2", "Bà Râu"],
    },
    {
      type: "xã",
      name: "Bắc Sơn",
      villages: ["Xóm Đèn", "Bỉnh Nghĩa", "Láng Me", "Đầu Suối A", "Đầu Suối B"],
    },
    {
      type: "xã",
      name: "Công Hải",
      villages: ["Kà Rôm", "Bà Râu 1", "Bà Râu 2", "Suối Giếng", "Hiệp Kiết"],
    },
    {
      type: "xã",
      name: "Lợi Hải",
      villages: ["Ấn Đạt", "Bà Râu", "Kiền Kiền 1", "Suối Đá", "Xóm Đèn"],
    },
    {
      type: "xã",
      name: "Phước Chiến",
      villages: ["Đầu Suối A", "Đầu Suối B", "Tập Lá", "Ma Trai"],
    },
    { type: "xã", name: "Phước Kháng", villages: ["Đá Liệt", "Suối Le", "Ma Trai", "Cầu Đá"] },
  ],
  TN: [
    {
      type: "xã",
      name: "Cà Ná",
      villages: ["Lạc Tân 1", "Lạc Tân 2", "Lạc Tân 3", "Lạc Nghiệp 1", "Lạc Nghiệp 2", "Lạc Sơn"],
    },
    { type: "xã", name: "Nhị Hà", villages: ["Nhị Hà 1", "Nhị Hà 2", "Nhị Hà 3", "Tân Lập"] },
    {
      type: "xã",
      name: "Phước Diêm",
      villages: ["Lạc Sơn 1", "Lạc Sơn 2", "Lạc Sơn 3", "Thương Diêm"],
    },
    {
      type: "xã",
      name: "Phước Dinh",
      villages: ["Sơn Hải 1", "Sơn Hải 2", "Từ Thiện", "Vĩnh Trường", "Bầu Ngứ", "Mũi Dinh"],
    },
    { type: "xã", name: "Phước Hà", villages: ["Giá", "Tân Bình", "Rồ Ôn", "Trà Nô"] },
    {
      type: "xã",
      name: "Phước Minh",
      villages: ["Quán Thẻ 1", "Quán Thẻ 2", "Quán Thẻ 3", "Lạc Sơn", "Tân Lập"],
    },
    {
      type: "xã",
      name: "Phước Nam",
      villages: ["Văn Lâm 1", "Văn Lâm 2", "Văn Lâm 3", "Nho Lâm", "Phước Lập", "Hiếu Thiện"],
    },
    { type: "xã", name: "Phước Ninh", villages: ["Nho Lâm", "Hiếu Thiện", "Thái Giao", "Vụ Bổn"] },
  ],
};

/** A grassroots organisation other than a commune or ward. */
export interface GrassrootsDef {
  /** Name after "Đảng bộ"/"Chi bộ". */
  name: string;
  sector: Sector;
  profile: Profile;
  /** L: always a grassroots committee; M: usually; S: usually a grassroots cell. */
  size: "S" | "M" | "L";
  /** For the two old blocks: the new block its organisation joins on 2025-02-01. */
  moveTo?: "CQD" | "UB";
}

const g = (
  name: string,
  sector: Sector,
  profile: Profile,
  size: "S" | "M" | "L",
  moveTo?: "CQD" | "UB",
): GrassrootsDef =>
  moveTo ? { name, sector, profile, size, moveTo } : { name, sector, profile, size };

/** Khối các cơ quan tỉnh: 55 grassroots organisations. */
export const PROVINCIAL_AGENCIES: readonly GrassrootsDef[] = [
  g("Văn phòng Tỉnh ủy", "STATE_AGENCY", "agency", "L", "CQD"),
  g("Ban Tổ chức Tỉnh ủy", "STATE_AGENCY", "agency", "M", "CQD"),
  g("Ban Tuyên giáo Tỉnh ủy", "STATE_AGENCY", "agency", "M", "CQD"),
  g("Ban Dân vận Tỉnh ủy", "STATE_AGENCY", "agency", "S", "CQD"),
  g("Ủy ban Kiểm tra Tỉnh ủy", "STATE_AGENCY", "agency", "M", "CQD"),
  g("Ban Nội chính Tỉnh ủy", "STATE_AGENCY", "agency", "S", "CQD"),
  g("Báo Ninh Thuận", "PUBLIC_SERVICE", "media", "M", "CQD"),
  g("Trường Chính trị tỉnh", "PUBLIC_SERVICE", "college", "M", "CQD"),
  g(
    "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
    "STATE_AGENCY",
    "agency",
    "M",
    "CQD",
  ),
  g("Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "STATE_AGENCY", "mass", "M", "CQD"),
  g("Tỉnh Đoàn", "STATE_AGENCY", "mass", "S", "CQD"),
  g("Hội Liên hiệp Phụ nữ tỉnh", "STATE_AGENCY", "mass", "S", "CQD"),
  g("Hội Nông dân tỉnh", "STATE_AGENCY", "mass", "S", "CQD"),
  g("Hội Cựu chiến binh tỉnh", "STATE_AGENCY", "mass", "S", "CQD"),
  g("Liên đoàn Lao động tỉnh", "STATE_AGENCY", "mass", "M", "CQD"),
  g("Tòa án nhân dân tỉnh", "STATE_AGENCY", "agency", "L", "CQD"),
  g("Viện Kiểm sát nhân dân tỉnh", "STATE_AGENCY", "agency", "L", "CQD"),
  g("Văn phòng Ủy ban nhân dân tỉnh", "STATE_AGENCY", "agency", "M", "UB"),
  g("Sở Nội vụ", "STATE_AGENCY", "agency", "M", "UB"),
  g("Sở Tư pháp", "STATE_AGENCY", "agency", "S", "UB"),
  g("Sở Kế hoạch và Đầu tư", "STATE_AGENCY", "agency", "M", "UB"),
  g("Sở Tài chính", "STATE_AGENCY", "agency", "M", "UB"),
  g("Sở Công Thương", "STATE_AGENCY", "agency", "M", "UB"),
  g("Sở Nông nghiệp và Phát triển nông thôn", "STATE_AGENCY", "agency", "L", "UB"),
  g("Sở Giao thông vận tải", "STATE_AGENCY", "agency", "M", "UB"),
  g("Sở Xây dựng", "STATE_AGENCY", "agency", "M", "UB"),
  g("Sở Tài nguyên và Môi trường", "STATE_AGENCY", "agency", "M", "UB"),
  g("Sở Thông tin và Truyền thông", "STATE_AGENCY", "agency", "S", "UB"),
  g("Sở Lao động - Thương binh và Xã hội", "STATE_AGENCY", "agency", "M", "UB"),
  g("Sở Văn hóa, Thể thao và Du lịch", "STATE_AGENCY", "agency", "L", "UB"),
  g("Sở Khoa học và Công nghệ", "STATE_AGENCY", "agency", "S", "UB"),
  g("Sở Giáo dục và Đào tạo", "STATE_AGENCY", "agency", "L", "UB"),
  g("Sở Y tế", "STATE_AGENCY", "health", "L", "UB"),
  g("Thanh tra tỉnh", "STATE_AGENCY", "agency", "S", "UB"),
  g("Ban Dân tộc tỉnh", "STATE_AGENCY", "agency", "S", "UB"),
  g("Ban Quản lý các khu công nghiệp tỉnh", "STATE_AGENCY", "agency", "S", "UB"),
  g(
    "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp",
    "PUBLIC_SERVICE",
    "agency",
    "M",
    "UB",
  ),
  g("Cục Thuế tỉnh", "STATE_AGENCY", "agency", "L", "UB"),
  g("Kho bạc Nhà nước tỉnh", "STATE_AGENCY", "agency", "M", "UB"),
  g("Cục Thống kê tỉnh", "STATE_AGENCY", "agency", "S", "UB"),
  g("Cục Thi hành án dân sự tỉnh", "STATE_AGENCY", "agency", "M", "UB"),
  g("Bảo hiểm xã hội tỉnh", "STATE_AGENCY", "agency", "M", "UB"),
  g("Ngân hàng Nhà nước chi nhánh tỉnh Ninh Thuận", "STATE_AGENCY", "bank", "S", "UB"),
  g("Đài Phát thanh và Truyền hình Ninh Thuận", "PUBLIC_SERVICE", "media", "M", "UB"),
  g("Bệnh viện Đa khoa tỉnh", "PUBLIC_SERVICE", "health", "L", "UB"),
  g("Bệnh viện Y dược cổ truyền tỉnh", "PUBLIC_SERVICE", "health", "M", "UB"),
  g("Trung tâm Kiểm soát bệnh tật tỉnh", "PUBLIC_SERVICE", "health", "M", "UB"),
  g("Trường Cao đẳng Sư phạm Ninh Thuận", "SCHOOL", "college", "M", "UB"),
  g("Trường Cao đẳng nghề Ninh Thuận", "SCHOOL", "college", "M", "UB"),
  g(
    "Phân hiệu Trường Đại học Nông Lâm Thành phố Hồ Chí Minh tại Ninh Thuận",
    "SCHOOL",
    "college",
    "M",
    "UB",
  ),
  g("Trường Trung học phổ thông Chuyên Lê Quý Đôn", "SCHOOL", "highschool", "S", "UB"),
  g("Trường Phổ thông Dân tộc nội trú tỉnh", "SCHOOL", "highschool", "S", "UB"),
  g("Liên minh Hợp tác xã tỉnh", "STATE_AGENCY", "agency", "S", "UB"),
  g("Trung tâm Xúc tiến đầu tư, thương mại và du lịch", "PUBLIC_SERVICE", "agency", "S", "UB"),
  g("Văn phòng Đăng ký đất đai tỉnh", "PUBLIC_SERVICE", "agency", "M", "UB"),
];

/** Khối Doanh nghiệp tỉnh: 30 grassroots organisations. */
export const PROVINCIAL_ENTERPRISES: readonly GrassrootsDef[] = [
  g("Công ty Điện lực Ninh Thuận", "STATE_ENTERPRISE", "stateEnterprise", "L", "UB"),
  g("Công ty Cổ phần Cấp nước Ninh Thuận", "STATE_ENTERPRISE", "stateEnterprise", "M", "UB"),
  g(
    "Công ty TNHH MTV Khai thác công trình thủy lợi Ninh Thuận",
    "STATE_ENTERPRISE",
    "stateEnterprise",
    "L",
    "UB",
  ),
  g(
    "Công ty TNHH MTV Xổ số kiến thiết Ninh Thuận",
    "STATE_ENTERPRISE",
    "stateEnterprise",
    "S",
    "UB",
  ),
  g("Bưu điện tỉnh Ninh Thuận", "STATE_ENTERPRISE", "stateEnterprise", "M", "UB"),
  g("Viễn thông Ninh Thuận", "STATE_ENTERPRISE", "stateEnterprise", "M", "UB"),
  g("Viettel Ninh Thuận", "STATE_ENTERPRISE", "stateEnterprise", "M", "UB"),
  g(
    "Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh Ninh Thuận",
    "STATE_ENTERPRISE",
    "bank",
    "L",
    "UB",
  ),
  g("Ngân hàng TMCP Ngoại thương chi nhánh Ninh Thuận", "STATE_ENTERPRISE", "bank", "M", "UB"),
  g(
    "Ngân hàng TMCP Đầu tư và Phát triển chi nhánh Ninh Thuận",
    "STATE_ENTERPRISE",
    "bank",
    "M",
    "UB",
  ),
  g("Ngân hàng TMCP Công Thương chi nhánh Ninh Thuận", "STATE_ENTERPRISE", "bank", "M", "UB"),
  g("Ngân hàng Chính sách xã hội chi nhánh Ninh Thuận", "STATE_ENTERPRISE", "bank", "M", "UB"),
  g("Công ty TNHH MTV Lâm nghiệp Tân Tiến", "STATE_ENTERPRISE", "stateEnterprise", "S", "UB"),
  g("Công ty Cổ phần Muối Cà Ná", "NON_STATE_ENTERPRISE", "privateEnterprise", "S", "UB"),
  g(
    "Công ty Cổ phần Tôm giống Việt Úc Ninh Thuận",
    "NON_STATE_ENTERPRISE",
    "privateEnterprise",
    "M",
    "UB",
  ),
  g("Công ty Cổ phần Nho Ba Mọi", "NON_STATE_ENTERPRISE", "privateEnterprise", "S", "UB"),
  g(
    "Công ty Cổ phần Năng lượng Trung Nam Ninh Thuận",
    "NON_STATE_ENTERPRISE",
    "privateEnterprise",
    "M",
    "UB",
  ),
  g("Công ty TNHH Xây dựng Thuận Phát", "NON_STATE_ENTERPRISE", "privateEnterprise", "S", "UB"),
  g("Công ty Cổ phần Thủy sản Hải Long", "NON_STATE_ENTERPRISE", "privateEnterprise", "S", "UB"),
  g("Công ty TNHH Du lịch Vĩnh Hy", "NON_STATE_ENTERPRISE", "privateEnterprise", "S", "UB"),
  g("Công ty Cổ phần Vận tải Phan Rang", "NON_STATE_ENTERPRISE", "privateEnterprise", "S", "UB"),
  g(
    "Công ty Cổ phần Đầu tư và Phát triển Sông Dinh",
    "NON_STATE_ENTERPRISE",
    "privateEnterprise",
    "S",
    "UB",
  ),
  g(
    "Công ty Cổ phần Vật liệu xây dựng Tháp Chàm",
    "NON_STATE_ENTERPRISE",
    "privateEnterprise",
    "M",
    "UB",
  ),
  g(
    "Công ty TNHH Chế biến hải sản Đông Hải",
    "NON_STATE_ENTERPRISE",
    "privateEnterprise",
    "S",
    "UB",
  ),
  g("Công ty Cổ phần Rượu nho Thái An", "NON_STATE_ENTERPRISE", "privateEnterprise", "S", "UB"),
  g("Công ty TNHH Điện mặt trời Phước Hữu", "NON_STATE_ENTERPRISE", "privateEnterprise", "S", "UB"),
  g("Công ty Cổ phần Dược phẩm Ninh Thuận", "NON_STATE_ENTERPRISE", "privateEnterprise", "S", "UB"),
  g("Công ty Cổ phần Đường Phan Rang", "NON_STATE_ENTERPRISE", "privateEnterprise", "M", "UB"),
  g("Công ty TNHH MTV Cảng Cà Ná", "NON_STATE_ENTERPRISE", "privateEnterprise", "S", "UB"),
  g(
    "Công ty Cổ phần Khách sạn Sài Gòn - Ninh Chữ",
    "NON_STATE_ENTERPRISE",
    "privateEnterprise",
    "S",
    "UB",
  ),
];

/** Đảng bộ Công an tỉnh: 15 grassroots organisations. */
export const POLICE_UNITS: readonly GrassrootsDef[] = [
  g("Phòng An ninh chính trị nội bộ", "POLICE", "police", "M"),
  g("Phòng Cảnh sát hình sự", "POLICE", "police", "L"),
  g("Phòng Cảnh sát giao thông", "POLICE", "police", "L"),
  g("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", "POLICE", "police", "L"),
  g("Phòng Tham mưu Công an tỉnh", "POLICE", "police", "S"),
  g("Trại Tạm giam", "POLICE", "police", "M"),
  g("Phòng Cảnh sát quản lý hành chính về trật tự xã hội", "POLICE", "police", "S"),
  g("Công an thành phố Phan Rang - Tháp Chàm", "POLICE", "police", "L"),
  g("Công an huyện Ninh Hải", "POLICE", "police", "L"),
  g("Công an huyện Ninh Phước", "POLICE", "police", "L"),
  g("Công an huyện Ninh Sơn", "POLICE", "police", "L"),
  g("Công an huyện Bác Ái", "POLICE", "police", "M"),
  g("Công an huyện Thuận Bắc", "POLICE", "police", "M"),
  g("Công an huyện Thuận Nam", "POLICE", "police", "M"),
  g("Phòng Hồ sơ nghiệp vụ", "POLICE", "police", "S"),
];

/** Đảng bộ Bộ đội Biên phòng tỉnh: 10 grassroots organisations. */
export const BORDER_GUARD_UNITS: readonly GrassrootsDef[] = [
  g("Đồn Biên phòng Cà Ná", "MILITARY", "borderGuard", "L"),
  g("Đồn Biên phòng Phước Dinh", "MILITARY", "borderGuard", "L"),
  g("Đồn Biên phòng Ninh Chữ", "MILITARY", "borderGuard", "L"),
  g("Đồn Biên phòng Vĩnh Hải", "MILITARY", "borderGuard", "L"),
  g("Đồn Biên phòng Nhơn Hải", "MILITARY", "borderGuard", "M"),
  g("Đồn Biên phòng Cửa khẩu cảng Cà Ná", "MILITARY", "borderGuard", "M"),
  g("Hải đội Biên phòng 2", "MILITARY", "borderGuard", "M"),
  g("Phòng Tham mưu Bộ đội Biên phòng tỉnh", "MILITARY", "borderGuard", "S"),
  g("Phòng Chính trị Bộ đội Biên phòng tỉnh", "MILITARY", "borderGuard", "S"),
  g("Phòng Hậu cần - Kỹ thuật Bộ đội Biên phòng tỉnh", "MILITARY", "borderGuard", "S"),
];

/** Đảng bộ Quân sự tỉnh: 5 grassroots organisations. */
export const MILITARY_UNITS: readonly GrassrootsDef[] = [
  g("Cơ quan Bộ Chỉ huy Quân sự tỉnh", "MILITARY", "military", "L"),
  g("Trung đoàn Bộ binh 896", "MILITARY", "military", "L"),
  g("Tiểu đoàn Huấn luyện - Cơ động", "MILITARY", "military", "M"),
  g("Trường Quân sự tỉnh", "MILITARY", "military", "S"),
  g("Đại đội Trinh sát - Công binh", "MILITARY", "military", "S"),
];

/** District-level agencies; `{area}` is "huyện Ninh Hải" or "thành phố Phan Rang - Tháp Chàm". */
export const DISTRICT_AGENCIES: readonly GrassrootsDef[] = [
  g("Cơ quan {committee}", "STATE_AGENCY", "agency", "L"),
  g("Cơ quan Ủy ban Mặt trận Tổ quốc và các đoàn thể {area}", "STATE_AGENCY", "mass", "M"),
  g("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân {area}", "STATE_AGENCY", "agency", "M"),
  g("Trung tâm Y tế {area}", "PUBLIC_SERVICE", "health", "L"),
  g("Quân sự {area}", "MILITARY", "military", "L"),
  g("Phòng Giáo dục và Đào tạo {area}", "STATE_AGENCY", "agency", "M"),
  g("Phòng Tài chính - Kế hoạch {area}", "STATE_AGENCY", "agency", "S"),
  g("Phòng Nội vụ {area}", "STATE_AGENCY", "agency", "S"),
  g("Phòng Tài nguyên và Môi trường {area}", "STATE_AGENCY", "agency", "S"),
  g("Phòng Nông nghiệp và Phát triển nông thôn {area}", "STATE_AGENCY", "agency", "M"),
  g("Phòng Kinh tế và Hạ tầng {area}", "STATE_AGENCY", "agency", "S"),
  g("Phòng Lao động - Thương binh và Xã hội {area}", "STATE_AGENCY", "agency", "S"),
  g("Phòng Văn hóa và Thông tin {area}", "STATE_AGENCY", "agency", "S"),
  g("Tòa án nhân dân {area}", "STATE_AGENCY", "agency", "S"),
  g("Viện Kiểm sát nhân dân {area}", "STATE_AGENCY", "agency", "S"),
  g("Chi cục Thi hành án dân sự {area}", "STATE_AGENCY", "agency", "S"),
  g("Điện lực {short}", "STATE_ENTERPRISE", "stateEnterprise", "M"),
  g("Phòng Tư pháp {area}", "STATE_AGENCY", "agency", "S"),
  g("Thanh tra {area}", "STATE_AGENCY", "agency", "S"),
  g("Trung tâm Văn hóa - Thể thao và Truyền thông {area}", "PUBLIC_SERVICE", "media", "S"),
  g("Ban Quản lý dự án đầu tư xây dựng {area}", "PUBLIC_SERVICE", "agency", "M"),
  g("Chi cục Thuế khu vực {short}", "STATE_AGENCY", "agency", "M"),
  g("Kho bạc Nhà nước {area}", "STATE_AGENCY", "agency", "S"),
  g("Bưu điện {area}", "STATE_ENTERPRISE", "stateEnterprise", "S"),
  g("Phòng giao dịch Ngân hàng Chính sách xã hội {area}", "STATE_ENTERPRISE", "bank", "S"),
  g("Trung tâm Dịch vụ nông nghiệp {area}", "PUBLIC_SERVICE", "agency", "S"),
  g("Hạt Kiểm lâm {area}", "STATE_AGENCY", "agency", "S"),
  g("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên {area}", "SCHOOL", "school", "S"),
];

/** Real or plausible upper-secondary schools of each district. */
export const HIGH_SCHOOLS: Readonly<Record<string, readonly string[]>> = {
  PR: ["Chu Văn An", "Tháp Chàm", "Nguyễn Trãi", "Ninh Thuận", "Nguyễn Văn Trỗi"],
  NH: ["Tôn Đức Thắng", "Phan Chu Trinh", "Nguyễn Du"],
  NP: ["Ninh Phước", "Phạm Văn Đồng", "An Phước", "Nguyễn Văn Linh"],
  NS: ["Trường Chinh", "Lê Duẩn", "Nguyễn Huệ"],
  BA: ["Bác Ái", "Phổ thông Dân tộc nội trú Bác Ái"],
  TB: ["Nguyễn Bỉnh Khiêm", "Phan Bội Châu"],
  TN: ["Phan Đình Phùng", "Nguyễn Thái Bình"],
};

export const LOWER_SECONDARY_NAMES: readonly string[] = [
  "Lê Hồng Phong",
  "Trần Phú",
  "Võ Thị Sáu",
  "Lý Tự Trọng",
  "Trần Quốc Toản",
  "Lê Văn Tám",
  "Kim Đồng",
  "Ngô Gia Tự",
  "Trần Hưng Đạo",
  "Lê Lợi",
  "Quang Trung",
  "Hoàng Hoa Thám",
  "Bùi Thị Xuân",
  "Tô Hiệu",
  "Huỳnh Thúc Kháng",
  "Lương Thế Vinh",
  "Trần Quang Khải",
  "Nguyễn Đình Chiểu",
  "Đinh Bộ Lĩnh",
  "Võ Văn Kiệt",
  "Pinăng Tắc",
  "Nguyễn Văn Cừ",
  "Lê Đình Chinh",
  "Phan Chu Trinh",
  "Hùng Vương",
  "Chu Văn An",
  "Nguyễn Trung Trực",
  "Trương Định",
  "Trần Bình Trọng",
  "Nguyễn Tri Phương",
  "Lê Thánh Tông",
  "Yết Kiêu",
  "Hà Huy Tập",
  "Nguyễn Thị Minh Khai",
];

/** Names of the cells of a grassroots committee, by profile. */
export const CELL_NAMES: Readonly<Record<Profile, readonly string[]>> = {
  commune: ["Cơ quan", "Quân sự", "Công an", "Trường Tiểu học", "Trạm Y tế"],
  residential: [],
  agency: [
    "Văn phòng",
    "Phòng Tổ chức - Hành chính",
    "Phòng Kế hoạch - Tài chính",
    "Phòng Nghiệp vụ 1",
    "Phòng Nghiệp vụ 2",
    "Thanh tra",
    "Trung tâm trực thuộc",
  ],
  mass: [
    "Văn phòng",
    "Ban Tổ chức - Kiểm tra",
    "Ban Tuyên giáo",
    "Ban Phong trào",
    "Ban Chính sách",
  ],
  health: [
    "Khối Hành chính",
    "Khoa Nội",
    "Khoa Ngoại",
    "Khoa Khám bệnh",
    "Khoa Sản - Nhi",
    "Khoa Cấp cứu",
    "Khoa Dược",
  ],
  school: [
    "Tổ Toán - Tin",
    "Tổ Ngữ văn",
    "Tổ Khoa học tự nhiên",
    "Tổ Khoa học xã hội",
    "Khối Hành chính",
  ],
  highschool: [
    "Tổ Toán - Tin",
    "Tổ Ngữ văn",
    "Tổ Khoa học tự nhiên",
    "Tổ Khoa học xã hội",
    "Khối Hành chính",
  ],
  college: [
    "Khoa Cơ bản",
    "Khoa Chuyên môn",
    "Phòng Đào tạo",
    "Phòng Tổ chức - Hành chính",
    "Học sinh - Sinh viên",
  ],
  media: ["Phòng Thời sự", "Phòng Biên tập", "Phòng Kỹ thuật", "Phòng Hành chính - Trị sự"],
  bank: [
    "Phòng Khách hàng",
    "Phòng Kế toán - Ngân quỹ",
    "Phòng Kế hoạch - Tổng hợp",
    "Phòng giao dịch Phan Rang",
    "Phòng giao dịch Tháp Chàm",
  ],
  stateEnterprise: [
    "Văn phòng",
    "Phòng Kỹ thuật",
    "Phòng Kinh doanh",
    "Xí nghiệp 1",
    "Xí nghiệp 2",
    "Đội Quản lý vận hành",
  ],
  privateEnterprise: [
    "Văn phòng",
    "Phân xưởng 1",
    "Phân xưởng 2",
    "Phòng Kinh doanh",
    "Đội Sản xuất",
  ],
  police: [
    "Đội Tổng hợp",
    "Đội Điều tra tổng hợp",
    "Đội Cảnh sát giao thông - Trật tự",
    "Đội An ninh",
    "Đội Cảnh sát quản lý hành chính",
    "Đội Cảnh sát kinh tế",
  ],
  borderGuard: [
    "Đội Vũ trang",
    "Đội Trinh sát",
    "Đội Vận động quần chúng",
    "Đội Kiểm soát hành chính",
    "Trạm Kiểm soát Biên phòng",
  ],
  military: [
    "Ban Chỉ huy",
    "Ban Tham mưu",
    "Ban Chính trị - Hậu cần",
    "Đại đội 1",
    "Đại đội 2",
    "Đại đội 3",
  ],
};

/** Ethnic mix of each area (weights): Kinh, Chăm, Raglai, Hoa, Cơ Ho, Nùng. */
export const ETHNIC_MIX: Readonly<Record<string, readonly number[]>> = {
  PR: [84, 10, 3, 2, 0.3, 0.5],
  NH: [90, 5, 4, 0.5, 0, 0.3],
  NP: [60, 33, 6, 0.5, 0, 0.3],
  NS: [82, 2, 11, 0.5, 3, 1],
  BA: [36, 0, 62, 0, 1.5, 0.5],
  TB: [76, 5, 18, 0, 0.5, 0.3],
  TN: [68, 22, 9, 0.5, 0, 0.3],
  province: [82, 10, 5.5, 1.5, 0.3, 0.5],
};
