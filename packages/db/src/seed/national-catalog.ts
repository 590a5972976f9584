import type { Gender } from "@dangbo/shared";
import { personName } from "./names.ts";
import type { Random } from "./rng.ts";

/**
 * Fixed material of the national seed: the 63 provinces and centrally run cities (the list
 * before the 2025 mergers), their regions, and the word lists names are built from.
 */

export type Region = "NW" | "RRD" | "NCC" | "SCC" | "CH" | "SE" | "MD";

export interface ProvinceDef {
  /** Unit code of the provincial committee ("HN", "NT"). */
  code: string;
  /** Administrative code of the General Statistics Office (01 Hà Nội … 96 Cà Mau). */
  gso: string;
  /** "Hà Nội", "Ninh Thuận". */
  name: string;
  /** Centrally run city ("Đảng bộ thành phố …") rather than a province. */
  city: boolean;
  /** Population in millions (2019 census, rounded): decides the province's size. */
  population: number;
  region: Region;
  /** Has a land border or a coast: a Border Guard party committee. */
  border: boolean;
}

const p = (
  code: string,
  gso: string,
  name: string,
  population: number,
  region: Region,
  border: boolean,
  city = false,
): ProvinceDef => ({ code, gso, name, city, population, region, border });

/** In the order of their administrative codes. */
export const PROVINCES: readonly ProvinceDef[] = [
  p("HN", "01", "Hà Nội", 8.05, "RRD", false, true),
  p("HGI", "02", "Hà Giang", 0.85, "NW", true),
  p("CB", "04", "Cao Bằng", 0.53, "NW", true),
  p("BK", "06", "Bắc Kạn", 0.31, "NW", false),
  p("TQ", "08", "Tuyên Quang", 0.78, "NW", false),
  p("LCA", "10", "Lào Cai", 0.73, "NW", true),
  p("DB", "11", "Điện Biên", 0.6, "NW", true),
  p("LCH", "12", "Lai Châu", 0.46, "NW", true),
  p("SL", "14", "Sơn La", 1.25, "NW", true),
  p("YB", "15", "Yên Bái", 0.82, "NW", false),
  p("HB", "17", "Hòa Bình", 0.85, "NW", false),
  p("TNG", "19", "Thái Nguyên", 1.29, "NW", false),
  p("LS", "20", "Lạng Sơn", 0.78, "NW", true),
  p("QNI", "22", "Quảng Ninh", 1.32, "RRD", true),
  p("BG", "24", "Bắc Giang", 1.8, "NW", false),
  p("PT", "25", "Phú Thọ", 1.46, "NW", false),
  p("VP", "26", "Vĩnh Phúc", 1.15, "RRD", false),
  p("BN", "27", "Bắc Ninh", 1.37, "RRD", false),
  p("HD", "30", "Hải Dương", 1.89, "RRD", false),
  p("HP", "31", "Hải Phòng", 2.03, "RRD", true, true),
  p("HY", "33", "Hưng Yên", 1.25, "RRD", false),
  p("TB", "34", "Thái Bình", 1.86, "RRD", true),
  p("HNA", "35", "Hà Nam", 0.85, "RRD", false),
  p("ND", "36", "Nam Định", 1.78, "RRD", true),
  p("NB", "37", "Ninh Bình", 0.98, "RRD", true),
  p("TH", "38", "Thanh Hóa", 3.64, "NCC", true),
  p("NA", "40", "Nghệ An", 3.33, "NCC", true),
  p("HT", "42", "Hà Tĩnh", 1.29, "NCC", true),
  p("QB", "44", "Quảng Bình", 0.9, "NCC", true),
  p("QT", "45", "Quảng Trị", 0.63, "NCC", true),
  p("TTH", "46", "Thừa Thiên Huế", 1.13, "NCC", true),
  p("DN", "48", "Đà Nẵng", 1.13, "SCC", true, true),
  p("QNA", "49", "Quảng Nam", 1.5, "SCC", true),
  p("QNG", "51", "Quảng Ngãi", 1.23, "SCC", true),
  p("BD", "52", "Bình Định", 1.49, "SCC", true),
  p("PY", "54", "Phú Yên", 0.87, "SCC", true),
  p("KH", "56", "Khánh Hòa", 1.23, "SCC", true),
  p("NT", "58", "Ninh Thuận", 0.59, "SCC", true),
  p("BTH", "60", "Bình Thuận", 1.23, "SCC", true),
  p("KT", "62", "Kon Tum", 0.54, "CH", true),
  p("GL", "64", "Gia Lai", 1.51, "CH", true),
  p("DL", "66", "Đắk Lắk", 1.87, "CH", true),
  p("DNO", "67", "Đắk Nông", 0.62, "CH", true),
  p("LD", "68", "Lâm Đồng", 1.3, "CH", false),
  p("BP", "70", "Bình Phước", 1.0, "SE", true),
  p("TNI", "72", "Tây Ninh", 1.17, "SE", true),
  p("BDU", "74", "Bình Dương", 2.43, "SE", false),
  p("DNA", "75", "Đồng Nai", 3.1, "SE", false),
  p("BR", "77", "Bà Rịa - Vũng Tàu", 1.15, "SE", true),
  p("HCM", "79", "Hồ Chí Minh", 8.99, "SE", true, true),
  p("LA", "80", "Long An", 1.69, "MD", true),
  p("TG", "82", "Tiền Giang", 1.77, "MD", true),
  p("BT", "83", "Bến Tre", 1.29, "MD", true),
  p("TV", "84", "Trà Vinh", 1.01, "MD", true),
  p("VL", "86", "Vĩnh Long", 1.02, "MD", false),
  p("DT", "87", "Đồng Tháp", 1.6, "MD", true),
  p("AG", "89", "An Giang", 1.91, "MD", true),
  p("KG", "91", "Kiên Giang", 1.72, "MD", true),
  p("CT", "92", "Cần Thơ", 1.24, "MD", false, true),
  p("HGA", "93", "Hậu Giang", 0.73, "MD", false),
  p("ST", "94", "Sóc Trăng", 1.2, "MD", true),
  p("BL", "95", "Bạc Liêu", 0.91, "MD", true),
  p("CM", "96", "Cà Mau", 1.19, "MD", true),
];

/** "Đảng bộ tỉnh Ninh Thuận", "Đảng bộ thành phố Hà Nội", "Đảng bộ Thành phố Hồ Chí Minh". */
export function provinceUnitName(def: ProvinceDef): string {
  if (def.code === "HCM") return "Đảng bộ Thành phố Hồ Chí Minh";
  return `Đảng bộ ${def.city ? "thành phố" : "tỉnh"} ${def.name}`;
}

/** "tỉnh Ninh Thuận", "thành phố Hà Nội", "Thành phố Hồ Chí Minh" (in addresses). */
export function provinceArea(def: ProvinceDef): string {
  if (def.code === "HCM") return "Thành phố Hồ Chí Minh";
  return `${def.city ? "thành phố" : "tỉnh"} ${def.name}`;
}

/** Syllables of generated place names ("Phú Thạnh", "Tân Hòa"). */
export const PLACE_SYLLABLES: readonly string[] = [
  "An",
  "Bình",
  "Cát",
  "Châu",
  "Đông",
  "Đức",
  "Gia",
  "Hải",
  "Hiệp",
  "Hòa",
  "Hồng",
  "Hưng",
  "Khánh",
  "Lạc",
  "Lâm",
  "Liên",
  "Long",
  "Lộc",
  "Lợi",
  "Minh",
  "Mỹ",
  "Nam",
  "Nghĩa",
  "Ngọc",
  "Nhân",
  "Phong",
  "Phú",
  "Phúc",
  "Phước",
  "Quang",
  "Sơn",
  "Tân",
  "Thạch",
  "Thanh",
  "Thạnh",
  "Thành",
  "Thịnh",
  "Thuận",
  "Thủy",
  "Tiến",
  "Trung",
  "Trường",
  "Vĩnh",
  "Xuân",
  "Yên",
];

/** Rural villages, by region ("thôn", "bản", "ấp", "buôn"). */
export const VILLAGE_WORDS: Readonly<Record<Region, readonly string[]>> = {
  NW: ["thôn", "bản", "thôn", "xóm"],
  RRD: ["thôn", "xóm", "thôn"],
  NCC: ["thôn", "xóm", "thôn", "bản"],
  SCC: ["thôn"],
  CH: ["thôn", "buôn", "làng", "thôn"],
  SE: ["ấp"],
  MD: ["ấp", "ấp", "khóm"],
};

/** Residential groups of a ward or town, by region. */
export const WARD_GROUP: Readonly<Record<Region, string>> = {
  NW: "tổ dân phố",
  RRD: "tổ dân phố",
  NCC: "tổ dân phố",
  SCC: "khu phố",
  CH: "tổ dân phố",
  SE: "khu phố",
  MD: "khóm",
};

export const ENTERPRISE_FORMS: readonly string[] = [
  "Công ty TNHH",
  "Công ty Cổ phần",
  "Hợp tác xã",
  "Công ty TNHH MTV",
  "Công ty Cổ phần Tập đoàn",
];

export const ENTERPRISE_ACTIVITIES: readonly string[] = [
  "Xây dựng",
  "Thương mại - Dịch vụ",
  "Nông nghiệp công nghệ cao",
  "Vật liệu xây dựng",
  "Du lịch",
  "Vận tải",
  "Chế biến nông sản",
  "Năng lượng",
  "May mặc",
  "Cơ khí",
  "Điện tử",
  "Thực phẩm",
  "Dược phẩm",
  "Bất động sản",
  "Thủy sản",
  "Giày da",
  "Logistics",
  "Phần mềm",
];

/** Provincial agencies beyond the core list (Khối các cơ quan tỉnh). */
export const EXTRA_PROVINCIAL_AGENCIES: readonly string[] = [
  "Trung tâm Khuyến nông tỉnh",
  "Trung tâm Quan trắc tài nguyên và môi trường tỉnh",
  "Trung tâm Dịch vụ việc làm tỉnh",
  "Trung tâm Công nghệ thông tin và truyền thông tỉnh",
  "Trung tâm Lưu trữ lịch sử tỉnh",
  "Trung tâm Trợ giúp pháp lý nhà nước tỉnh",
  "Trung tâm Giám định y khoa tỉnh",
  "Trung tâm Pháp y tỉnh",
  "Trung tâm Nước sạch và vệ sinh môi trường nông thôn tỉnh",
  "Chi cục Kiểm lâm tỉnh",
  "Chi cục Thủy lợi tỉnh",
  "Chi cục Trồng trọt và Bảo vệ thực vật tỉnh",
  "Chi cục Chăn nuôi và Thú y tỉnh",
  "Chi cục Quản lý thị trường tỉnh",
  "Chi cục Dân số tỉnh",
  "Bệnh viện Lao và Bệnh phổi tỉnh",
  "Bệnh viện Sản - Nhi tỉnh",
  "Bệnh viện Mắt tỉnh",
  "Bệnh viện Tâm thần tỉnh",
  "Bệnh viện Phục hồi chức năng tỉnh",
  "Trường Cao đẳng Y tế tỉnh",
  "Trường Cao đẳng Kỹ thuật công nghiệp tỉnh",
  "Thư viện tỉnh",
  "Bảo tàng tỉnh",
  "Nhà hát Nghệ thuật truyền thống tỉnh",
  "Hội Chữ thập đỏ tỉnh",
  "Hội Văn học Nghệ thuật tỉnh",
  "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
  "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh",
  "Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp tỉnh",
  "Quỹ Đầu tư phát triển tỉnh",
  "Cục Hải quan tỉnh",
  "Trung tâm Phục vụ hành chính công tỉnh",
  "Văn phòng Điều phối nông thôn mới tỉnh",
];

export const POLICE_DEPARTMENTS: readonly string[] = [
  "Phòng An ninh chính trị nội bộ",
  "Phòng An ninh kinh tế",
  "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
  "Phòng Cảnh sát hình sự",
  "Phòng Cảnh sát kinh tế",
  "Phòng Cảnh sát điều tra tội phạm về ma túy",
  "Phòng Cảnh sát giao thông",
  "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
  "Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
  "Phòng Cảnh sát cơ động",
  "Phòng Tham mưu",
  "Phòng Tổ chức cán bộ",
  "Phòng Hậu cần",
  "Phòng Hồ sơ nghiệp vụ",
  "Phòng Xuất nhập cảnh",
  "Trại Tạm giam",
  "Cơ quan Cảnh sát điều tra",
  "Cơ quan An ninh điều tra",
];

export const MILITARY_DEPARTMENTS: readonly string[] = [
  "Cơ quan Bộ Chỉ huy Quân sự tỉnh",
  "Phòng Tham mưu",
  "Phòng Chính trị",
  "Phòng Hậu cần - Kỹ thuật",
  "Tiểu đoàn Huấn luyện - Cơ động",
  "Trường Quân sự tỉnh",
  "Đại đội Trinh sát - Công binh",
  "Đại đội Thông tin",
];

export const BORDER_GUARD_DEPARTMENTS: readonly string[] = [
  "Phòng Tham mưu Bộ đội Biên phòng tỉnh",
  "Phòng Chính trị Bộ đội Biên phòng tỉnh",
  "Phòng Hậu cần - Kỹ thuật Bộ đội Biên phòng tỉnh",
  "Phòng Phòng, chống ma túy và tội phạm",
];

/** Topics of quarterly thematic meetings. */
export const THEMATIC_TOPICS: readonly string[] = [
  "Nâng cao chất lượng sinh hoạt chi bộ theo Nghị quyết số 21-NQ/TW",
  "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
  "Công tác phát triển đảng viên theo Chỉ thị số 28-CT/TW",
  "Trách nhiệm nêu gương của cán bộ, đảng viên theo Quy định số 08-QĐi/TW",
  "Chuyển đổi số trong công tác xây dựng Đảng",
  "Công tác dân vận, mô hình \u201cDân vận khéo\u201d",
  "Phòng, chống suy thoái tư tưởng chính trị, đạo đức, lối sống",
  "Thực hiện Quy định số 138-QĐ/TW về thi hành kỷ luật đảng",
];

// ───────────────────────────── people ─────────────────────────────

/** Ethnic groups written to `member.ethnicity`, and how their names are made. */
export type EthnicLabel =
  | "Kinh"
  | "Tày"
  | "Thái"
  | "Mường"
  | "Nùng"
  | "H'Mông"
  | "Dao"
  | "Hoa"
  | "Khmer"
  | "Chăm"
  | "Raglai"
  | "Cơ Ho"
  | "Ê Đê"
  | "Gia Rai"
  | "Ba Na";

/** Ethnic mix (weights) of each region; a few provinces have their own. */
export const REGION_ETHNIC_MIX: Readonly<
  Record<Region, readonly (readonly [EthnicLabel, number])[]>
> = {
  NW: [
    ["Kinh", 50],
    ["Tày", 16],
    ["Thái", 12],
    ["Nùng", 8],
    ["Mường", 6],
    ["H'Mông", 5],
    ["Dao", 3],
  ],
  RRD: [
    ["Kinh", 99],
    ["Mường", 0.7],
    ["Hoa", 0.3],
  ],
  NCC: [
    ["Kinh", 94],
    ["Thái", 3],
    ["Mường", 3],
  ],
  SCC: [
    ["Kinh", 96],
    ["Chăm", 1.5],
    ["Raglai", 1],
    ["Hoa", 1.5],
  ],
  CH: [
    ["Kinh", 78],
    ["Ê Đê", 6],
    ["Gia Rai", 7],
    ["Ba Na", 3],
    ["Cơ Ho", 3],
    ["Tày", 1.5],
    ["Nùng", 1.5],
  ],
  SE: [
    ["Kinh", 95],
    ["Hoa", 4],
    ["Khmer", 1],
  ],
  MD: [
    ["Kinh", 90],
    ["Khmer", 8],
    ["Hoa", 2],
  ],
};

export const PROVINCE_ETHNIC_MIX: Readonly<
  Record<string, readonly (readonly [EthnicLabel, number])[]>
> = {
  NT: [
    ["Kinh", 82],
    ["Chăm", 10],
    ["Raglai", 5.5],
    ["Hoa", 1.5],
    ["Cơ Ho", 0.5],
    ["Nùng", 0.5],
  ],
  BTH: [
    ["Kinh", 92],
    ["Chăm", 4],
    ["Raglai", 2],
    ["Hoa", 2],
  ],
  LD: [
    ["Kinh", 85],
    ["Cơ Ho", 10],
    ["Tày", 2],
    ["Nùng", 3],
  ],
  HCM: [
    ["Kinh", 93],
    ["Hoa", 6],
    ["Khmer", 1],
  ],
  ST: [
    ["Kinh", 62],
    ["Khmer", 33],
    ["Hoa", 5],
  ],
  TV: [
    ["Kinh", 67],
    ["Khmer", 32],
    ["Hoa", 1],
  ],
};

/** Family names that replace the Kinh one for groups whose names follow the Kinh pattern. */
const FAMILY_SWAP: Partial<Record<EthnicLabel, readonly string[]>> = {
  Thái: ["Lò", "Lường", "Cầm", "Quàng", "Tòng", "Vi", "Hà", "Lò"],
  Mường: ["Bùi", "Đinh", "Quách", "Hà", "Xa", "Bạch"],
  Dao: ["Triệu", "Bàn", "Đặng", "Lý", "Chảo"],
  Khmer: ["Thạch", "Sơn", "Danh", "Kim", "Lâm", "Trà", "Chau", "Lý"],
};

const HMONG_FAMILY = ["Giàng", "Vàng", "Thào", "Sùng", "Lý", "Hầu", "Mua", "Lầu"] as const;
const HMONG_MALE = ["Páo", "Sử", "Dế", "Chứ", "Lử", "Súa", "Pó", "Chớ", "Tủa", "Say"] as const;
const HMONG_FEMALE = ["Mỷ", "Dở", "Sua", "Máy", "Pà", "Chu", "Dợ", "Mai", "Sinh", "Và"] as const;
const EDE_FAMILY = ["Niê", "Êban", "Byă", "Mlô", "Ktla", "Adrơng", "Hmok", "Knul"] as const;
const EDE_MALE = ["Khuê", "Nhuê", "Bhim", "Jút", "Blin", "Wai", "Thuôn", "Kông"] as const;
const EDE_FEMALE = ["Hen", "Duyên", "Bia", "Yim", "Ly", "Nhi", "Zăm", "Rin"] as const;
const JARAI_FAMILY = ["Rơ Châm", "Ksor", "Siu", "Rơ Mah", "Kpă", "Rah Lan", "Nay"] as const;
const JARAI_MALE = ["Thuăn", "Blin", "Kim", "Dũng", "Hyơn", "Trung", "Lăk", "Phơ"] as const;
const JARAI_FEMALE = ["H'Lan", "H'Yim", "H'Ngọc", "H'Bliu", "H'Nga", "H'Mai"] as const;
const BAHNAR_GIVEN = ["Thiu", "Pớt", "Blong", "Dơk", "Nhơn", "Kring", "Hyêm", "Diêm"] as const;

/** One person's full name in an ethnic group (diacritics included). */
export function ethnicName(r: Random, label: EthnicLabel, gender: Gender): string {
  const male = gender === "MALE";
  switch (label) {
    case "Kinh":
    case "Hoa":
    case "Nùng":
    case "Chăm":
    case "Raglai":
    case "Cơ Ho":
      return personName(r, label, gender);
    case "Tày":
      return personName(r, "Nùng", gender);
    case "Thái":
    case "Mường":
    case "Dao":
    case "Khmer": {
      const kinh = personName(r, "Kinh", gender);
      return `${r.pick(FAMILY_SWAP[label] as readonly string[])}${kinh.slice(kinh.indexOf(" "))}`;
    }
    case "H'Mông":
      return `${r.pick(HMONG_FAMILY)} ${male ? "A" : "Thị"} ${r.pick(male ? HMONG_MALE : HMONG_FEMALE)}`;
    case "Ê Đê":
      return male
        ? `Y ${r.pick(EDE_MALE)} ${r.pick(EDE_FAMILY)}`
        : `H'${r.pick(EDE_FEMALE)} ${r.pick(EDE_FAMILY)}`;
    case "Gia Rai":
      return `${r.pick(JARAI_FAMILY)} ${r.pick(male ? JARAI_MALE : JARAI_FEMALE)}`;
    case "Ba Na":
      return `${male ? "A" : "Y"} ${r.pick(BAHNAR_GIVEN)}`;
  }
}
