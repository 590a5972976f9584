import { graphql } from "../../gql/index.ts";

/** Units the user may see, by name (diacritics optional): the unit pickers of every form. */
export const EmulationUnitSearchQuery = graphql(`
  query EmulationUnitSearch($search: String!, $first: Int!) {
    orgUnits(search: $search, first: $first) {
      totalCount
      edges {
        cursor
        node {
          id
          asOf
          name
          kind
          parent {
            id
            asOf
            name
          }
        }
      }
    }
  }
`);

export const CampaignsQuery = graphql(`
  query Campaigns($active: Boolean, $from: Date, $to: Date, $first: Int!, $after: String) {
    campaigns(active: $active, from: $from, to: $to, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          title
          theme
          occasion
          startsOn
          endsOn
          active
          organiserName
          registrationCounts {
            registrations
            units
            completed
          }
        }
      }
    }
  }
`);

/** A campaign with its organiser and the units it is open to. */
export const CampaignQuery = graphql(`
  query Campaign($id: ID!) {
    campaign(id: $id) {
      id
      title
      theme
      occasion
      startsOn
      endsOn
      active
      createdAt
      organiserName
      organiser {
        id
        asOf
        name
        kind
      }
      eligibleUnits {
        unitId
        name
        kind
        unit {
          id
          asOf
        }
      }
      registrationCounts {
        registrations
        units
        completed
      }
    }
  }
`);

export const CampaignRegistrationsQuery = graphql(`
  query CampaignRegistrations($campaignId: ID!, $completed: Boolean, $first: Int!, $after: String) {
    campaignRegistrations(
      campaignId: $campaignId
      completed: $completed
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          title
          description
          target
          progress
          result
          completed
          completedOn
          registeredOn
          responsibleUnitName
          unit {
            id
            asOf
            name
            kind
          }
        }
      }
    }
  }
`);

/**
 * How the campaign summaries are fetched: past the cache. Their rows (`CampaignSummaryRow`) carry
 * the `id` of a unit or of a campaign, so the cache would merge unrelated rows into one object —
 * the city's `total` with its `direct` row, a campaign with the unit of the same number, this
 * year's figures with another year's — and the panels would show another row's figures.
 */
export const SUMMARY_FETCH_POLICY = "no-cache" as const;

/** One campaign in the user's subtree: its figures and the organisations that have not registered. */
export const CampaignProgressQuery = graphql(`
  query CampaignProgress($unitId: ID!, $campaignId: ID!, $limit: Int!) {
    campaignSummary(unitId: $unitId, campaignId: $campaignId, notRegisteredLimit: $limit) {
      campaignId
      treeDate
      total {
        id
        name
        registrations
        units
        completed
        completionRate
        averageProgress
        eligibleGrassroots
        registeredGrassroots
        notRegisteredGrassroots
      }
      notRegisteredCount
      notRegistered {
        unitId
        name
        kind
        groupId
        groupName
        campaignId
      }
    }
  }
`);

export const CreateCampaignMutation = graphql(`
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      id
      title
    }
  }
`);

export const UpdateCampaignMutation = graphql(`
  mutation UpdateCampaign($id: ID!, $input: UpdateCampaignInput!) {
    updateCampaign(id: $id, input: $input) {
      id
      title
      theme
      occasion
      startsOn
      endsOn
      active
      eligibleUnits {
        unitId
        name
        kind
        unit {
          id
          asOf
        }
      }
    }
  }
`);

export const RegisterForCampaignMutation = graphql(`
  mutation RegisterForCampaign($input: RegisterForCampaignInput!) {
    registerForCampaign(input: $input) {
      id
      title
      unit {
        id
        asOf
        name
      }
    }
  }
`);

export const UpdateRegistrationMutation = graphql(`
  mutation UpdateRegistration($id: ID!, $input: UpdateRegistrationInput!) {
    updateRegistration(id: $id, input: $input) {
      id
      progress
      result
      completed
      completedOn
    }
  }
`);

/** The registrations panels of /emulation: per direct subordinate and per campaign, for a year. */
export const EmulationRegistrationsQuery = graphql(`
  query EmulationRegistrations($unitId: ID!, $year: Int!) {
    campaignSummary(unitId: $unitId, year: $year, notRegisteredLimit: 0) {
      year
      treeDate
      notRegisteredCount
      total {
        id
        name
        kind
        registrations
        units
        completed
        completionRate
        averageProgress
        eligibleGrassroots
        registeredGrassroots
        notRegisteredGrassroots
        current
      }
      direct {
        id
        name
        kind
        registrations
        units
        completed
        completionRate
        averageProgress
        eligibleGrassroots
        registeredGrassroots
        notRegisteredGrassroots
        current
      }
      bySubordinate {
        id
        name
        kind
        registrations
        units
        completed
        completionRate
        averageProgress
        eligibleGrassroots
        registeredGrassroots
        notRegisteredGrassroots
        current
      }
      byCampaign {
        id
        name
        kind
        registrations
        units
        completed
        completionRate
        averageProgress
        eligibleGrassroots
        registeredGrassroots
        notRegisteredGrassroots
        current
      }
    }
  }
`);
