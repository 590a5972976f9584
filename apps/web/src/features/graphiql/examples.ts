import type { Language } from "../../i18n/index.ts";

/** What an example's variables are filled from. */
export interface ExampleContext {
  /** The signed-in user's own unit: the subtree every example counts. */
  unitId: string;
  /** Today, YYYY-MM-DD (the examples' periods end here). */
  today: string;
  /** The id of the resolution the coverage example is about, when it was found. */
  documentId?: string | null;
}

export interface Example {
  id: string;
  /** Title and description in each language the app has. */
  text: Record<Language, { title: string; description: string }>;
  query: string;
  variables: (context: ExampleContext) => Record<string, unknown>;
  /** A document number to look up for `documentId` before the example is loaded. */
  needsDocument?: string;
}

/** The resolution the dissemination example follows (domain.md). */
export const COVERAGE_DOCUMENT = "21-NQ/TW";

const yearOf = (today: string) => Number(today.slice(0, 4));
const monthOf = (today: string) => Number(today.slice(5, 7));

/** The last quarter that has ended by `today`. */
export function lastEndedQuarter(today: string): { year: number; quarter: number } {
  const current = Math.ceil(monthOf(today) / 3);
  return current === 1
    ? { year: yearOf(today) - 1, quarter: 4 }
    : { year: yearOf(today), quarter: current - 1 };
}

/**
 * The ready queries of the GraphiQL page, one click away. Each counts the user's own subtree;
 * the texts are here rather than in the translation files so that they load with GraphiQL,
 * not with every page of the app.
 */
export const EXAMPLES: readonly Example[] = [
  {
    id: "admissions-by-unit-year",
    text: {
      vi: {
        title: "Kết nạp đảng viên theo đơn vị và năm",
        description:
          "Số đảng viên được kết nạp từ năm 2020, theo từng đơn vị trực thuộc và từng năm (stats, ADMISSIONS). Mỗi năm tính theo cây tổ chức của năm đó.",
      },
      en: {
        title: "Admissions by committee and year",
        description:
          "New members admitted since 2020, per direct subordinate and year (stats, ADMISSIONS). Each year is counted on that year's tree.",
      },
    },
    query: `query AdmissionsByUnitAndYear($unitId: ID!, $from: Date!) {
  stats(metric: ADMISSIONS, unitId: $unitId, groupBy: [UNIT, YEAR], from: $from) {
    from
    to
    total
    truncated
    rows {
      keys
      value
      unit {
        id
        asOf
        code
        name
      }
    }
  }
}`,
    variables: ({ unitId }) => ({ unitId, from: "2020-01-01" }),
  },
  {
    id: "admission-progress",
    text: {
      vi: {
        title: "Kết nạp so với chỉ tiêu năm nay",
        description:
          "Chỉ tiêu, số đã kết nạp và tỷ lệ hoàn thành của đơn vị và từng đơn vị trực thuộc trong năm (admissionProgress).",
      },
      en: {
        title: "Admissions against this year's targets",
        description:
          "Target, admitted and percent of target for the unit and each direct subordinate this year (admissionProgress).",
      },
    },
    query: `query AdmissionProgress($unitId: ID!, $year: Int!) {
  admissionProgress(unitId: $unitId, year: $year) {
    period {
      from
      until
      treeDate
    }
    unit {
      name
      target
      admitted
      percent
    }
    rows {
      unitId
      name
      current
      target
      admitted
      percent
      band
    }
  }
}`,
    variables: ({ unitId, today }) => ({ unitId, year: yearOf(today) }),
  },
  {
    id: "members-by-sector-age",
    text: {
      vi: {
        title: "Đảng viên theo lĩnh vực và nhóm tuổi",
        description:
          "Số đảng viên hiện có trong đơn vị và toàn bộ cấp dưới, theo lĩnh vực của chi bộ và nhóm tuổi (stats, MEMBERS).",
      },
      en: {
        title: "Members by sector and age band",
        description:
          "Members now in the unit's whole subtree, by the sector of their cell and by age band (stats, MEMBERS).",
      },
    },
    query: `query MembersBySectorAndAgeBand($unitId: ID!, $asOf: Date) {
  stats(metric: MEMBERS, unitId: $unitId, groupBy: [SECTOR, AGE_BAND], asOf: $asOf) {
    asOf
    total
    truncated
    rows {
      keys
      value
    }
  }
}`,
    variables: ({ unitId, today }) => ({ unitId, asOf: today }),
  },
  {
    id: "thematic-compliance",
    text: {
      vi: {
        title: "Sinh hoạt chuyên đề theo quý",
        description:
          "Tỷ lệ chi bộ tổ chức đủ sinh hoạt định kỳ và chuyên đề trong quý vừa qua, theo đơn vị trực thuộc, và các chi bộ chưa sinh hoạt chuyên đề (meetingCompliance).",
      },
      en: {
        title: "Thematic meeting compliance per quarter",
        description:
          "Share of cells that held every regular and thematic meeting last quarter, per direct subordinate, and the cells that missed the thematic meeting (meetingCompliance).",
      },
    },
    query: `query ThematicMeetingCompliance($unitId: ID!, $year: Int!, $quarter: Int) {
  meetingCompliance(unitId: $unitId, year: $year, quarter: $quarter) {
    year
    quarter
    total {
      cellsRequired
      cellsCompliant
      percent
      thematicMissing
      attendanceRate
    }
    rows {
      unitId
      name
      cellsRequired
      cellsCompliant
      percent
      thematicMissing
      meetings
      attendanceRate
    }
    missingThematic {
      cellId
      name
      groupName
      meetings
    }
  }
}`,
    variables: ({ unitId, today }) => ({ unitId, ...lastEndedQuarter(today) }),
  },
  {
    id: "resolution-coverage",
    text: {
      vi: {
        title: "Quán triệt, triển khai Nghị quyết 21-NQ/TW",
        description:
          "Các đơn vị phải ban hành chương trình, kế hoạch thực hiện Nghị quyết 21-NQ/TW: đã ban hành, đúng hạn, quá hạn, đã tổ chức hội nghị quán triệt — theo đơn vị trực thuộc (implementationCoverage).",
      },
      en: {
        title: "Dissemination coverage of Resolution 21-NQ/TW",
        description:
          "Units required to issue a programme or plan for Resolution 21-NQ/TW: issued, on time, overdue, and those that held a dissemination conference — per direct subordinate (implementationCoverage).",
      },
    },
    query: `query ResolutionCoverage($documentId: ID!, $unitId: ID!) {
  implementationCoverage(documentId: $documentId, unitId: $unitId) {
    asOf
    document {
      id
      number
      title
    }
    total {
      required
      issued
      onTime
      late
      overdue
      pending
      percent
      disseminated
      disseminatedPercent
    }
    rows {
      unitId
      name
      required
      issued
      overdue
      percent
      disseminated
      disseminatedPercent
    }
  }
}`,
    variables: ({ unitId, documentId }) => ({ documentId: documentId ?? null, unitId }),
    needsDocument: COVERAGE_DOCUMENT,
  },
  {
    id: "dissemination-conferences",
    text: {
      vi: {
        title: "Hội nghị quán triệt, chuyên đề, bồi dưỡng trong năm",
        description:
          "Số hội nghị theo loại và số cán bộ, đảng viên tham dự trong năm, theo đơn vị trực thuộc (disseminationSummary).",
      },
      en: {
        title: "Dissemination conferences this year",
        description:
          "Conferences by kind and the cadres and members who attended this year, per direct subordinate (disseminationSummary).",
      },
    },
    query: `query DisseminationConferences($unitId: ID!, $year: Int!) {
  disseminationSummary(unitId: $unitId, year: $year) {
    period {
      from
      until
    }
    unit {
      conferences
      attendees
    }
    rows {
      unitId
      name
      current
      conferences
      attendees
      byKind {
        kind
        conferences
        attendees
      }
    }
  }
}`,
    variables: ({ unitId, today }) => ({ unitId, year: yearOf(today) }),
  },
  {
    id: "probationary-members",
    text: {
      vi: {
        title: "Danh sách đảng viên dự bị (có lọc)",
        description:
          "Đảng viên dự bị kết nạp từ đầu năm trước, mới nhất trước, 100 người một trang (members với filter, orderBy). Sửa bộ lọc trong phần biến; khi xuất tệp, mọi trang được lấy theo $after.",
      },
      en: {
        title: "Probationary members (filtered list)",
        description:
          "Probationary members admitted since the start of last year, newest first, 100 per page (members with filter, orderBy). Change the filter in the variables; an export follows $after through every page.",
      },
    },
    query: `query ProbationaryMembers($unitId: ID, $filter: MemberFilter, $first: Int = 100, $after: String) {
  members(
    orgUnitId: $unitId
    filter: $filter
    orderBy: { field: ADMITTED_ON, direction: DESC }
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        code
        fullName
        gender
        occupation
        admittedOn
        probationEndsOn
        theoryCourseCompleted
        unit {
          code
          name
        }
      }
    }
  }
}`,
    variables: ({ unitId, today }) => ({
      unitId,
      filter: {
        status: ["PROBATIONARY"],
        admittedOn: { from: `${yearOf(today) - 1}-01-01` },
      },
    }),
  },
];

/** The editor's contents for an example: its title as a comment, the query, the variables. */
export function exampleContents(
  example: Example,
  language: Language,
  context: ExampleContext,
): { query: string; variables: string } {
  return {
    query: `# ${example.text[language].title}\n${example.query}\n`,
    variables: JSON.stringify(example.variables(context), null, 2),
  };
}
