import "reflect-metadata";
import { Gender, MemberStatus, Occupation, OrgUnitKind, Sector } from "@dangbo/shared";
import { registerEnumType } from "type-graphql";

registerEnumType(OrgUnitKind, {
  name: "OrgUnitKind",
  description: "The kind of a party organisation.",
  valuesConfig: {
    PROVINCIAL_COMMITTEE: { description: "Provincial party committee (Tỉnh ủy)." },
    DISTRICT_COMMITTEE: {
      description: "District, town or city committee directly under the province.",
    },
    BLOCK_COMMITTEE: {
      description: "Block committee, e.g. of provincial agencies and enterprises.",
    },
    DIRECT_COMMITTEE: {
      description:
        "Other committee directly under the province: public security, border guard, military.",
    },
    GRASSROOTS_COMMITTEE: {
      description: "Grassroots party committee (TCCS) with subordinate cells.",
    },
    GRASSROOTS_CELL: { description: "Grassroots organisation that is itself a cell." },
    CELL: { description: "Subordinate cell (chi bộ trực thuộc) of a grassroots committee." },
  },
});
registerEnumType(Sector, {
  name: "Sector",
  description: "The sector a party organisation works in.",
});
registerEnumType(MemberStatus, {
  name: "MemberStatus",
  description:
    "A member's standing: PROBATIONARY and OFFICIAL members are counted; the others have left.",
});
registerEnumType(Gender, { name: "Gender" });
registerEnumType(Occupation, {
  name: "Occupation",
  description: "Occupation group of a member or candidate.",
});
