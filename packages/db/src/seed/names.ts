import type { Gender } from "@dangbo/shared";
import type { Random } from "./rng.ts";

/** Vietnamese personal names by ethnic group, with diacritics. */

export const ETHNICITIES = ["Kinh", "Chăm", "Raglai", "Hoa", "Cơ Ho", "Nùng"] as const;
export type Ethnicity = (typeof ETHNICITIES)[number];

const KINH_FAMILY: readonly (readonly [string, number])[] = [
  ["Nguyễn", 31],
  ["Trần", 11],
  ["Lê", 9],
  ["Phạm", 7],
  ["Huỳnh", 5],
  ["Võ", 5],
  ["Phan", 4],
  ["Trương", 2.5],
  ["Đặng", 2],
  ["Bùi", 2],
  ["Đỗ", 2],
  ["Hồ", 2],
  ["Ngô", 2],
  ["Dương", 1.5],
  ["Lý", 1],
  ["Hoàng", 2],
  ["Đinh", 1],
  ["Mai", 1],
  ["Lưu", 0.8],
  ["Tạ", 0.5],
  ["Cao", 0.7],
  ["Châu", 0.6],
  ["Đoàn", 1],
  ["Lương", 0.8],
  ["Thái", 0.6],
  ["Từ", 0.4],
];

const KINH_MIDDLE_MALE: readonly (readonly [string, number])[] = [
  ["Văn", 34],
  ["Hữu", 8],
  ["Đức", 8],
  ["Minh", 9],
  ["Thanh", 7],
  ["Quốc", 6],
  ["Xuân", 5],
  ["Công", 5],
  ["Ngọc", 5],
  ["Tấn", 5],
  ["Hoàng", 4],
  ["Trọng", 4],
];

const KINH_MIDDLE_FEMALE: readonly (readonly [string, number])[] = [
  ["Thị", 50],
  ["Thu", 8],
  ["Ngọc", 8],
  ["Thanh", 6],
  ["Minh", 4],
  ["Xuân", 4],
  ["Kim", 5],
  ["Mỹ", 5],
  ["Bích", 3],
  ["Hồng", 3],
  ["Thị Thu", 4],
  ["Thị Ngọc", 3],
  ["Thị Kim", 3],
  ["Thị Mỹ", 2],
  ["Thị Thanh", 3],
];

const MALE_GIVEN: readonly string[] = [
  "An",
  "Anh",
  "Ánh",
  "Bảo",
  "Bình",
  "Cường",
  "Công",
  "Dũng",
  "Duy",
  "Đạt",
  "Đức",
  "Hải",
  "Hào",
  "Hiếu",
  "Hòa",
  "Hoàng",
  "Hùng",
  "Huy",
  "Khánh",
  "Khoa",
  "Kiên",
  "Lâm",
  "Long",
  "Lộc",
  "Minh",
  "Nam",
  "Nghĩa",
  "Nhân",
  "Phát",
  "Phong",
  "Phúc",
  "Quang",
  "Quân",
  "Sơn",
  "Tài",
  "Tâm",
  "Thắng",
  "Thành",
  "Thịnh",
  "Toàn",
  "Trí",
  "Trung",
  "Tuấn",
  "Tùng",
  "Vinh",
  "Việt",
  "Vũ",
  "Hà",
  "Hạnh",
  "Ngọc",
];

const FEMALE_GIVEN: readonly string[] = [
  "An",
  "Anh",
  "Ánh",
  "Châu",
  "Dung",
  "Diệu",
  "Giang",
  "Hà",
  "Hạnh",
  "Hằng",
  "Hiền",
  "Hoa",
  "Hòa",
  "Hồng",
  "Hương",
  "Huyền",
  "Lan",
  "Liên",
  "Linh",
  "Loan",
  "Mai",
  "My",
  "Nga",
  "Ngân",
  "Ngọc",
  "Nhung",
  "Oanh",
  "Phương",
  "Quyên",
  "Tâm",
  "Thảo",
  "Thu",
  "Thủy",
  "Trang",
  "Trinh",
  "Tuyết",
  "Uyên",
  "Vân",
  "Vy",
  "Yến",
];

const CHAM_FAMILY: readonly (readonly [string, number])[] = [
  ["Đàng", 22],
  ["Quảng", 15],
  ["Thiên", 8],
  ["Lưu", 8],
  ["Hán", 7],
  ["Trượng", 6],
  ["Châu", 6],
  ["Thập", 6],
  ["Báo", 5],
  ["Phú", 5],
  ["Thành", 4],
  ["Lộ", 3],
];
const CHAM_MIDDLE_MALE = ["Văn", "Văn", "Năng", "Sanh", "Minh", "Đại", "Phú", "Hải"] as const;
const CHAM_MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Thị Thu", "Thị Ngọc", "Ngọc", "Thị Kim"] as const;
const CHAM_MALE = [
  "Hùng",
  "Thành",
  "Sơn",
  "Hải",
  "Tú",
  "Lộc",
  "Khoa",
  "Tài",
  "Quang",
  "Thuận",
  "Phước",
  "Chiến",
  "Dũng",
  "Cảnh",
  "Sang",
  "Tấn",
] as const;
const CHAM_FEMALE = [
  "Hoa",
  "Nữ",
  "Thương",
  "Xuân",
  "Mai",
  "Hạnh",
  "Lan",
  "Thủy",
  "Ngọc",
  "Yến",
  "Tiên",
  "Sương",
] as const;

const RAGLAI_FAMILY: readonly (readonly [string, number])[] = [
  ["Pinăng", 30],
  ["Chamaléa", 30],
  ["Katơr", 15],
  ["Cao", 12],
  ["Mấu", 8],
  ["Pi Năng", 3],
];
const RAGLAI_MALE = [
  "Tuấn",
  "Thanh",
  "Vinh",
  "Bình",
  "Út",
  "Hưng",
  "Phong",
  "Minh",
  "Sơn",
  "Nhiên",
  "Đức",
  "Hòa",
  "Sính",
  "Xuân",
  "Thịnh",
] as const;
const RAGLAI_FEMALE = [
  "Hoa",
  "Lan",
  "Nhung",
  "Liên",
  "Ngọc",
  "Hiền",
  "Út",
  "Thảo",
  "Tuyết",
  "Thủy",
  "Mai",
  "Dung",
] as const;

const HOA_FAMILY = ["Lý", "Trương", "Lâm", "Quách", "Mã", "Hứa", "Tăng", "Diệp"] as const;
const NUNG_FAMILY = ["Hoàng", "Nông", "Lường", "Vi", "Lăng", "Lương"] as const;
const COHO_MALE = ["Ya Tiếp", "K'Brơi", "Ya Hòa", "K'Sao", "Ya Tuấn", "K'Phong"] as const;
const COHO_FEMALE = ["Ka Huyền", "Ka Thúy", "Ka Hoa", "Ka Nhung", "Ka Liên", "Ka Mai"] as const;

function kinhLike(r: Random, family: string, gender: Gender): string {
  const middle = r.weighted(gender === "MALE" ? KINH_MIDDLE_MALE : KINH_MIDDLE_FEMALE);
  const given = r.pick(gender === "MALE" ? MALE_GIVEN : FEMALE_GIVEN);
  return `${family} ${middle} ${given}`;
}

export function personName(r: Random, ethnicity: Ethnicity, gender: Gender): string {
  const male = gender === "MALE";
  switch (ethnicity) {
    case "Kinh":
      return kinhLike(r, r.weighted(KINH_FAMILY), gender);
    case "Chăm":
      return `${r.weighted(CHAM_FAMILY)} ${r.pick(male ? CHAM_MIDDLE_MALE : CHAM_MIDDLE_FEMALE)} ${r.pick(male ? CHAM_MALE : CHAM_FEMALE)}`;
    case "Raglai":
      return `${r.weighted(RAGLAI_FAMILY)} ${male ? "Văn" : "Thị"} ${r.pick(male ? RAGLAI_MALE : RAGLAI_FEMALE)}`;
    case "Hoa":
      return kinhLike(r, r.pick(HOA_FAMILY), gender);
    case "Nùng":
      return kinhLike(r, r.pick(NUNG_FAMILY), gender);
    case "Cơ Ho":
      return r.pick(male ? COHO_MALE : COHO_FEMALE);
  }
}

/** A mobile number "09xxxxxxxx". */
export function phoneNumber(r: Random): string {
  return `09${String(r.int(0, 99_999_999)).padStart(8, "0")}`;
}

/**
 * A 12-digit citizen identity number: province code 058 (Ninh Thuận), a digit for gender and
 * century, the year of birth's last two digits, and six digits unique per `serial`.
 */
export function nationalId(birthDate: string, gender: Gender, serial: number): string {
  const year = Number(birthDate.slice(0, 4));
  const centuryDigit = (year >= 2000 ? 2 : 0) + (gender === "FEMALE" ? 1 : 0);
  const tail = (serial * 7919 + 104_729) % 1_000_000;
  return `058${centuryDigit}${birthDate.slice(2, 4)}${String(tail).padStart(6, "0")}`;
}
