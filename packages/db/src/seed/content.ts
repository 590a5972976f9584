import type { DocumentKind, IsoDate } from "@dangbo/shared";

/** Resolutions, directives, conclusions and regulations the province works with. */
export interface DocumentDef {
  number: string;
  seq: number;
  kind: DocumentKind;
  issuer: "TW" | "TU";
  issuedOn: IsoDate;
  title: string;
  summary: string;
}

export const DOCUMENTS: readonly DocumentDef[] = [
  {
    number: "05-CT/TW",
    seq: 5,
    kind: "CT",
    issuer: "TW",
    issuedOn: "2016-05-15",
    title:
      "Chỉ thị của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    summary:
      "Đưa việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh thành nội dung thường xuyên trong sinh hoạt chi bộ; mỗi năm có chủ đề riêng.",
  },
  {
    number: "29-QĐ/TW",
    seq: 29,
    kind: "QD",
    issuer: "TW",
    issuedOn: "2016-07-25",
    title: "Quy định thi hành Điều lệ Đảng",
    summary: "Quy định chi tiết thi hành Điều lệ Đảng khóa XII.",
  },
  {
    number: "04-NQ/TW",
    seq: 4,
    kind: "NQ",
    issuer: "TW",
    issuedOn: "2016-10-30",
    title:
      'Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện "tự diễn biến", "tự chuyển hóa" trong nội bộ',
    summary:
      "Nhận diện 27 biểu hiện suy thoái; yêu cầu cấp ủy các cấp tự phê bình và phê bình, xây dựng kế hoạch khắc phục.",
  },
  {
    number: "18-NQ/TW",
    seq: 18,
    kind: "NQ",
    issuer: "TW",
    issuedOn: "2017-10-25",
    title:
      "Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII về một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
    summary:
      "Định hướng sắp xếp, tinh gọn tổ chức bộ máy; cơ sở cho việc hợp nhất các đảng bộ khối năm 2025.",
  },
  {
    number: "23-CT/TW",
    seq: 23,
    kind: "CT",
    issuer: "TW",
    issuedOn: "2018-02-09",
    title:
      "Chỉ thị của Ban Bí thư về đẩy mạnh nghiên cứu, học tập, vận dụng và phát triển sáng tạo chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh trong tình hình mới",
    summary: "Nâng cao chất lượng học tập lý luận chính trị của cán bộ, đảng viên.",
  },
  {
    number: "35-NQ/TW",
    seq: 35,
    kind: "NQ",
    issuer: "TW",
    issuedOn: "2018-10-22",
    title:
      "Nghị quyết của Bộ Chính trị về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới",
    summary: "Huy động cả hệ thống chính trị tham gia bảo vệ nền tảng tư tưởng của Đảng.",
  },
  {
    number: "28-CT/TW",
    seq: 28,
    kind: "CT",
    issuer: "TW",
    issuedOn: "2019-01-21",
    title:
      "Chỉ thị của Ban Bí thư về nâng cao chất lượng kết nạp đảng viên và rà soát, sàng lọc, đưa những đảng viên không đủ tư cách ra khỏi Đảng",
    summary:
      "Coi trọng chất lượng, không chạy theo số lượng trong kết nạp đảng viên; thường xuyên rà soát, sàng lọc, đưa đảng viên không đủ tư cách ra khỏi Đảng.",
  },
  {
    number: "01-KL/TW",
    seq: 1,
    kind: "KL",
    issuer: "TW",
    issuedOn: "2021-05-18",
    title:
      "Kết luận của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    summary: "Chuyên đề toàn khóa 2021–2025 và chủ đề học tập hằng năm.",
  },
  {
    number: "24-QĐ/TW",
    seq: 24,
    kind: "QD",
    issuer: "TW",
    issuedOn: "2021-07-30",
    title: "Quy định thi hành Điều lệ Đảng",
    summary: "Quy định thi hành Điều lệ Đảng khóa XIII, thay thế Quy định số 29-QĐ/TW.",
  },
  {
    number: "01-HD/TW",
    seq: 1,
    kind: "HD",
    issuer: "TW",
    issuedOn: "2021-09-28",
    title: "Hướng dẫn một số vấn đề cụ thể thi hành Điều lệ Đảng",
    summary:
      "Hướng dẫn thủ tục kết nạp đảng viên, công nhận đảng viên chính thức, chuyển sinh hoạt đảng.",
  },
  {
    number: "21-KL/TW",
    seq: 21,
    kind: "KL",
    issuer: "TW",
    issuedOn: "2021-10-25",
    title:
      'Kết luận Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, biểu hiện "tự diễn biến", "tự chuyển hóa"',
    summary:
      "Tiếp tục thực hiện Nghị quyết Trung ương 4 khóa XII gắn với xây dựng, chỉnh đốn Đảng.",
  },
  {
    number: "21-NQ/TW",
    seq: 21,
    kind: "NQ",
    issuer: "TW",
    issuedOn: "2022-06-16",
    title:
      "Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII về tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới",
    summary:
      "Củng cố tổ chức cơ sở đảng, nâng cao chất lượng sinh hoạt chi bộ và chất lượng đội ngũ đảng viên; mỗi tổ chức cơ sở đảng xây dựng kế hoạch thực hiện.",
  },
  {
    number: "138-QĐ/TW",
    seq: 138,
    kind: "QD",
    issuer: "TW",
    issuedOn: "2023-12-01",
    title:
      "Quy định của Ban Bí thư về chức năng, nhiệm vụ và mối quan hệ công tác của đảng bộ, chi bộ cơ sở cơ quan",
    summary:
      "Xác định rõ chức năng, nhiệm vụ của tổ chức cơ sở đảng trong cơ quan và quan hệ với thủ trưởng cơ quan.",
  },
  {
    number: "232-QĐ/TW",
    seq: 232,
    kind: "QD",
    issuer: "TW",
    issuedOn: "2025-01-20",
    title: "Quy định thi hành Điều lệ Đảng",
    summary: "Quy định thi hành Điều lệ Đảng, thay thế Quy định số 24-QĐ/TW.",
  },
  {
    number: "368-QĐ/TU",
    seq: 368,
    kind: "QD",
    issuer: "TU",
    issuedOn: "2021-08-12",
    title:
      "Quy định của Ban Thường vụ Tỉnh ủy về trách nhiệm nêu gương của cán bộ, đảng viên trong tỉnh",
    summary: "Cụ thể hóa trách nhiệm nêu gương, đăng ký cam kết tu dưỡng, rèn luyện hằng năm.",
  },
  {
    number: "12-NQ/TU",
    seq: 12,
    kind: "NQ",
    issuer: "TU",
    issuedOn: "2022-09-15",
    title:
      "Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về nâng cao chất lượng sinh hoạt chi bộ và công tác phát triển đảng viên giai đoạn 2022–2025",
    summary:
      "Chỉ tiêu kết nạp đảng viên hằng năm; 100% chi bộ sinh hoạt chuyên đề ít nhất một lần mỗi quý.",
  },
  {
    number: "09-CT/TU",
    seq: 9,
    kind: "CT",
    issuer: "TU",
    issuedOn: "2026-03-10",
    title:
      "Chỉ thị của Ban Thường vụ Tỉnh ủy về tăng cường công tác phát triển đảng viên trong học sinh, sinh viên và doanh nghiệp ngoài khu vực nhà nước",
    summary:
      "Giao chỉ tiêu tạo nguồn, kết nạp đảng viên là học sinh, sinh viên, công nhân lao động.",
  },
];

/** [document, the document it replaces]. */
export const DOCUMENT_REPLACEMENTS: readonly (readonly [string, string])[] = [
  ["24-QĐ/TW", "29-QĐ/TW"],
  ["232-QĐ/TW", "24-QĐ/TW"],
];

/** The province's study theme of each year (the later years continue the 2021–2025 theme). */
export function studyThemeFor(year: number): { title: string; description: string } {
  switch (year) {
    case 2021:
      return {
        title:
          "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc",
        description: "Chuyên đề toàn khóa 2021–2025 theo Kết luận số 01-KL/TW.",
      };
    case 2022:
      return {
        title:
          "Xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh theo tư tưởng Hồ Chí Minh",
        description: "Gắn với thực hiện Kết luận số 21-KL/TW và Nghị quyết số 21-NQ/TW.",
      };
    case 2023:
      return {
        title:
          "Phát huy tinh thần trách nhiệm phục vụ Nhân dân, nâng cao hiệu quả công tác dân vận, xây dựng khối đại đoàn kết toàn dân tộc",
        description: "Chủ đề năm 2023 của Tỉnh ủy.",
      };
    case 2024:
      return {
        title:
          'Phát huy tinh thần "7 dám": dám nghĩ, dám nói, dám làm, dám chịu trách nhiệm, dám đổi mới sáng tạo, dám đương đầu với khó khăn thử thách, dám hành động vì lợi ích chung',
        description: "Chủ đề năm 2024: khuyến khích, bảo vệ cán bộ năng động, sáng tạo.",
      };
    case 2025:
      return {
        title:
          "Tinh gọn tổ chức bộ máy, nâng cao hiệu lực, hiệu quả hoạt động; đại hội đảng bộ các cấp thành công",
        description:
          "Chủ đề năm 2025 gắn với sắp xếp tổ chức bộ máy và đại hội nhiệm kỳ 2025–2030.",
      };
    default:
      return {
        title: `Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, thực hiện thắng lợi Nghị quyết Đại hội XIV của Đảng (năm ${year})`,
        description: `Chủ đề năm ${year}.`,
      };
  }
}

export const COMMITMENT_CONTENTS = [
  "Lãnh đạo hoàn thành toàn diện nhiệm vụ chính trị năm {y}",
  "Hoàn thành chỉ tiêu kết nạp đảng viên được giao năm {y}",
  "Tổ chức cơ sở đảng đạt hoàn thành tốt nhiệm vụ trở lên đạt trên 90%",
  "Không để xảy ra vi phạm kỷ luật Đảng nghiêm trọng trong cấp ủy",
  "100% chi bộ sinh hoạt chuyên đề ít nhất một lần mỗi quý",
];

export const KEY_TASKS = [
  "Lãnh đạo tổ chức thành công đại hội đảng bộ các cấp",
  "Nâng cao chất lượng sinh hoạt chi bộ theo Nghị quyết số 21-NQ/TW",
  "Hoàn thành chỉ tiêu kết nạp đảng viên, chú trọng học sinh, sinh viên, công nhân lao động",
  "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
  "Sắp xếp, kiện toàn tổ chức bộ máy tinh gọn, hiệu lực, hiệu quả",
  "Tăng cường công tác kiểm tra, giám sát và thi hành kỷ luật Đảng",
  "Làm tốt công tác bảo vệ chính trị nội bộ",
  "Phát huy vai trò nêu gương của cán bộ, đảng viên, trước hết là người đứng đầu",
  'Thực hiện hiệu quả công tác dân vận, nhân rộng mô hình "Dân vận khéo"',
  "Chuyển đổi số trong công tác xây dựng Đảng",
];

export const EXEMPLARY_CONTENTS = [
  "Rèn luyện phẩm chất chính trị, đạo đức, lối sống; hoàn thành tốt nhiệm vụ được giao",
  "Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước; sinh hoạt chi bộ đầy đủ",
  "Thực hiện trách nhiệm nêu gương theo Quy định số 368-QĐ/TU; giữ mối liên hệ với chi bộ và nhân dân nơi cư trú",
  "Đăng ký làm theo chủ đề năm, đổi mới phương pháp làm việc, tận tụy phục vụ Nhân dân",
];

export const ETHICAL_STANDARDS = [
  "Trung thành, trách nhiệm, liêm chính, phục vụ Nhân dân",
  "Gương mẫu, đoàn kết, kỷ cương, hiệu quả",
  "Tận tụy với công việc, chuẩn mực trong giao tiếp, ứng xử",
  "Nói đi đôi với làm, đi đầu trong đổi mới, sáng tạo",
  "Giữ gìn phẩm chất đạo đức, lối sống trong sạch, giản dị",
];

export const ACTION_SLOGANS = [
  "Nói đi đôi với làm",
  "Dám nghĩ, dám làm, dám chịu trách nhiệm",
  "Tận tụy - Trách nhiệm - Hiệu quả",
  "Kỷ cương - Liêm chính - Hành động - Sáng tạo",
  "Vì Nhân dân phục vụ",
  "Đoàn kết - Kỷ cương - Đổi mới - Phát triển",
  "Chủ động - Trách nhiệm - Chuyên nghiệp",
  "Gần dân, hiểu dân, giúp dân, học dân",
  "Đảng viên đi trước, làng nước theo sau",
  "Mỗi đảng viên một việc làm cụ thể",
];

export const GOOD_MODELS = [
  [
    "Dân vận khéo trong xây dựng nông thôn mới",
    "Vận động nhân dân hiến đất, góp công làm đường giao thông nông thôn.",
  ],
  [
    "Dân vận khéo vận động đồng bào Raglai phát triển kinh tế",
    "Hướng dẫn đồng bào trồng cây ăn trái, chăn nuôi bò sinh sản.",
  ],
  [
    "Tổ tự quản an ninh trật tự khu dân cư",
    "Phối hợp công an giữ gìn an ninh trật tự, giảm vụ việc phức tạp.",
  ],
  [
    "Camera an ninh - Mắt thần khu phố",
    "Lắp đặt camera giám sát tại các tuyến đường chính bằng nguồn xã hội hóa.",
  ],
  ["Chi bộ 4 tốt", "Xây dựng chi bộ tốt về chính trị tư tưởng, tổ chức, lãnh đạo và kiểm tra."],
  [
    "Đảng viên giúp hộ nghèo thoát nghèo bền vững",
    "Mỗi đảng viên nhận giúp đỡ một hộ nghèo, hộ cận nghèo.",
  ],
  [
    "Dân vận khéo trong cải cách hành chính",
    "Rút ngắn thời gian giải quyết thủ tục, tiếp nhận hồ sơ trực tuyến.",
  ],
  [
    "Tuyến đường hoa, tuyến đường sáng - xanh - sạch - đẹp",
    "Vận động nhân dân trồng hoa, thắp sáng đường quê.",
  ],
  ["Bộ đội Biên phòng nâng bước em tới trường", "Nhận đỡ đầu học sinh nghèo vùng biên giới biển."],
  [
    "Thanh niên tình nguyện chuyển đổi số",
    "Hướng dẫn người dân cài đặt, sử dụng dịch vụ công trực tuyến.",
  ],
];

export const INSPECTION_CONCLUSIONS = [
  "Tổ chức đảng chấp hành tốt nguyên tắc tập trung dân chủ; một số chi bộ chưa duy trì sinh hoạt chuyên đề hằng quý.",
  "Thực hiện nghiêm quy định về kết nạp đảng viên; hồ sơ một số trường hợp còn thiếu sót, đã yêu cầu khắc phục.",
  "Thu, nộp, quản lý đảng phí đúng quy định; cần tăng cường kiểm tra đảng viên chấp hành.",
  "Lãnh đạo thực hiện Nghị quyết số 21-NQ/TW đạt kết quả tốt; chất lượng sinh hoạt chi bộ được nâng lên.",
  "Có vi phạm trong quản lý đảng viên đi làm ăn xa; yêu cầu kiểm điểm, rút kinh nghiệm.",
];

export const DISCIPLINE_REASONS = [
  "Vi phạm quy định về những điều đảng viên không được làm",
  "Thiếu trách nhiệm trong lãnh đạo, chỉ đạo, để xảy ra sai phạm trong quản lý đất đai",
  "Vi phạm nguyên tắc tập trung dân chủ, quy chế làm việc",
  "Vi phạm chính sách dân số và kế hoạch hóa gia đình",
  "Sử dụng rượu bia khi điều khiển phương tiện giao thông",
  "Vi phạm quy định về quản lý tài chính, ngân sách",
];
