import { lazy } from "react";
import { useRoutes, type RouteObject } from "react-router";
import { HomeRedirect } from "./features/auth/HomeRedirect.tsx";
import { Layout } from "./ui/Layout.tsx";
import { NotFoundPage } from "./ui/NotFoundPage.tsx";

// One chunk per page, so the first load carries only the shell and the page it shows.
const CommitteeTreePage = lazy(() =>
  import("./features/committee/CommitteeTreePage.tsx").then((m) => ({
    default: m.CommitteeTreePage,
  })),
);
const UnitPage = lazy(() =>
  import("./features/committee/UnitPage.tsx").then((m) => ({ default: m.UnitPage })),
);
const MembersPage = lazy(() =>
  import("./features/member/MembersPage.tsx").then((m) => ({ default: m.MembersPage })),
);
const SignInPage = lazy(() =>
  import("./features/auth/SignInPage.tsx").then((m) => ({ default: m.SignInPage })),
);
const ChangePasswordPage = lazy(() =>
  import("./features/account/ChangePasswordPage.tsx").then((m) => ({
    default: m.ChangePasswordPage,
  })),
);
const UsersPage = lazy(() =>
  import("./features/users/UsersPage.tsx").then((m) => ({ default: m.UsersPage })),
);
const UserPage = lazy(() =>
  import("./features/users/UserPage.tsx").then((m) => ({ default: m.UserPage })),
);
const DashboardPage = lazy(() =>
  import("./features/dashboard/DashboardPage.tsx").then((m) => ({ default: m.DashboardPage })),
);
const TargetsPage = lazy(() =>
  import("./features/targets/TargetsPage.tsx").then((m) => ({ default: m.TargetsPage })),
);
const AuditLogPage = lazy(() =>
  import("./features/audit/AuditLogPage.tsx").then((m) => ({ default: m.AuditLogPage })),
);
// GraphiQL and its editor (Monaco) are megabytes: they load with this page only.
const GraphiQLPage = lazy(() =>
  import("./features/graphiql/GraphiQLPage.tsx").then((m) => ({ default: m.GraphiQLPage })),
);

const MyCellPage = lazy(() =>
  import("./features/cell/CellPage.tsx").then((m) => ({ default: m.MyCellPage })),
);
const CellPage = lazy(() =>
  import("./features/cell/CellPage.tsx").then((m) => ({ default: m.CellPage })),
);
const NewMeetingPage = lazy(() =>
  import("./features/meeting/NewMeetingPage.tsx").then((m) => ({ default: m.NewMeetingPage })),
);
const MeetingPage = lazy(() =>
  import("./features/meeting/MeetingPage.tsx").then((m) => ({ default: m.MeetingPage })),
);
const EditMeetingPage = lazy(() =>
  import("./features/meeting/EditMeetingPage.tsx").then((m) => ({ default: m.EditMeetingPage })),
);
const CompliancePage = lazy(() =>
  import("./features/compliance/CompliancePage.tsx").then((m) => ({ default: m.CompliancePage })),
);

// Member development: candidates, probation, member records, review, training, import.
const CandidatesPage = lazy(() =>
  import("./features/candidates/CandidatesPage.tsx").then((m) => ({ default: m.CandidatesPage })),
);
const RegisterCandidatePage = lazy(() =>
  import("./features/candidates/RegisterCandidatePage.tsx").then((m) => ({
    default: m.RegisterCandidatePage,
  })),
);
const CandidatePage = lazy(() =>
  import("./features/candidates/CandidatePage.tsx").then((m) => ({ default: m.CandidatePage })),
);
const ProbationPage = lazy(() =>
  import("./features/lifecycle/ProbationPage.tsx").then((m) => ({ default: m.ProbationPage })),
);
const TransferInPage = lazy(() =>
  import("./features/lifecycle/TransferInPage.tsx").then((m) => ({ default: m.TransferInPage })),
);
const MemberPage = lazy(() =>
  import("./features/member/MemberPage.tsx").then((m) => ({ default: m.MemberPage })),
);
const ReviewPage = lazy(() =>
  import("./features/review/ReviewPage.tsx").then((m) => ({ default: m.ReviewPage })),
);
const ReviewSummaryPage = lazy(() =>
  import("./features/review/ReviewSummaryPage.tsx").then((m) => ({
    default: m.ReviewSummaryPage,
  })),
);
const TrainingPage = lazy(() =>
  import("./features/training/TrainingPage.tsx").then((m) => ({ default: m.TrainingPage })),
);
const ImportPage = lazy(() =>
  import("./features/import/ImportPage.tsx").then((m) => ({ default: m.ImportPage })),
);

// Emulation and recognition: campaigns, overview panels, awards, ethical standards, good models.
const CampaignsPage = lazy(() =>
  import("./features/campaigns/CampaignsPage.tsx").then((m) => ({ default: m.CampaignsPage })),
);
const CampaignPage = lazy(() =>
  import("./features/campaigns/CampaignPage.tsx").then((m) => ({ default: m.CampaignPage })),
);
const NewCampaignPage = lazy(() =>
  import("./features/campaigns/CampaignFormPage.tsx").then((m) => ({
    default: m.NewCampaignPage,
  })),
);
const EditCampaignPage = lazy(() =>
  import("./features/campaigns/CampaignFormPage.tsx").then((m) => ({
    default: m.EditCampaignPage,
  })),
);
const EmulationPage = lazy(() =>
  import("./features/campaigns/EmulationPage.tsx").then((m) => ({ default: m.EmulationPage })),
);
const AwardsPage = lazy(() =>
  import("./features/awards/AwardsPage.tsx").then((m) => ({ default: m.AwardsPage })),
);
const EthicsPage = lazy(() =>
  import("./features/ethics/EthicsPage.tsx").then((m) => ({ default: m.EthicsPage })),
);
const ModelsPage = lazy(() =>
  import("./features/models/ModelsPage.tsx").then((m) => ({ default: m.ModelsPage })),
);

// Resolutions and directives: registry, implementation, conferences, study themes.
const DocumentsPage = lazy(() =>
  import("./features/documents/DocumentsPage.tsx").then((m) => ({ default: m.DocumentsPage })),
);
const NewDocumentPage = lazy(() =>
  import("./features/documents/DocumentFormPage.tsx").then((m) => ({
    default: m.NewDocumentPage,
  })),
);
const EditDocumentPage = lazy(() =>
  import("./features/documents/DocumentFormPage.tsx").then((m) => ({
    default: m.EditDocumentPage,
  })),
);
const DocumentPage = lazy(() =>
  import("./features/documents/DocumentPage.tsx").then((m) => ({ default: m.DocumentPage })),
);
const ImplementationPage = lazy(() =>
  import("./features/implementation/ImplementationPage.tsx").then((m) => ({
    default: m.ImplementationPage,
  })),
);
const ConferencesPage = lazy(() =>
  import("./features/conferences/ConferencesPage.tsx").then((m) => ({
    default: m.ConferencesPage,
  })),
);
const NewConferencePage = lazy(() =>
  import("./features/conferences/ConferenceFormPage.tsx").then((m) => ({
    default: m.NewConferencePage,
  })),
);
const EditConferencePage = lazy(() =>
  import("./features/conferences/ConferenceFormPage.tsx").then((m) => ({
    default: m.EditConferencePage,
  })),
);
const ConferencePage = lazy(() =>
  import("./features/conferences/ConferencePage.tsx").then((m) => ({
    default: m.ConferencePage,
  })),
);
const StudyThemesPage = lazy(() =>
  import("./features/study-themes/StudyThemesPage.tsx").then((m) => ({
    default: m.StudyThemesPage,
  })),
);

export const routes: RouteObject[] = [
  // The only page without a session.
  { element: <Layout open />, children: [{ path: "sign-in", element: <SignInPage /> }] },
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: "account/password", element: <ChangePasswordPage /> },
      { path: "admin/users", element: <UsersPage /> },
      { path: "admin/users/:id", element: <UserPage /> },
      { path: "admin/audit", element: <AuditLogPage /> },
      { path: "dashboard", element: <DashboardPage /> },
      { path: "dashboard/:unitId", element: <DashboardPage /> },
      { path: "targets", element: <TargetsPage /> },
      { path: "targets/:unitId", element: <TargetsPage /> },
      { path: "units", element: <CommitteeTreePage /> },
      { path: "units/:id", element: <UnitPage /> },
      { path: "members", element: <MembersPage /> },
      { path: "cell", element: <MyCellPage /> },
      { path: "cell/meetings/new", element: <NewMeetingPage /> },
      { path: "cells/:id", element: <CellPage /> },
      { path: "cells/:id/meetings/new", element: <NewMeetingPage /> },
      { path: "meetings/:id", element: <MeetingPage /> },
      { path: "meetings/:id/edit", element: <EditMeetingPage /> },
      { path: "compliance", element: <CompliancePage /> },
      { path: "compliance/:unitId", element: <CompliancePage /> },
      { path: "graphiql", element: <GraphiQLPage /> },
      { path: "candidates", element: <CandidatesPage /> },
      { path: "candidates/new", element: <RegisterCandidatePage /> },
      { path: "candidates/:id", element: <CandidatePage /> },
      { path: "probation", element: <ProbationPage /> },
      { path: "members/transfer-in", element: <TransferInPage /> },
      { path: "members/:id", element: <MemberPage /> },
      { path: "review", element: <ReviewPage /> },
      { path: "review/summary", element: <ReviewSummaryPage /> },
      { path: "review/summary/:unitId", element: <ReviewSummaryPage /> },
      { path: "review/:cellId", element: <ReviewPage /> },
      { path: "training", element: <TrainingPage /> },
      { path: "import", element: <ImportPage /> },
      { path: "campaigns", element: <CampaignsPage /> },
      { path: "campaigns/new", element: <NewCampaignPage /> },
      { path: "campaigns/:id", element: <CampaignPage /> },
      { path: "campaigns/:id/edit", element: <EditCampaignPage /> },
      { path: "emulation", element: <EmulationPage /> },
      { path: "awards", element: <AwardsPage /> },
      { path: "ethics", element: <EthicsPage /> },
      { path: "models", element: <ModelsPage /> },
      { path: "documents", element: <DocumentsPage /> },
      { path: "documents/new", element: <NewDocumentPage /> },
      { path: "documents/:id", element: <DocumentPage /> },
      { path: "documents/:id/edit", element: <EditDocumentPage /> },
      { path: "documents/:id/implementation", element: <ImplementationPage /> },
      { path: "conferences", element: <ConferencesPage /> },
      { path: "conferences/new", element: <NewConferencePage /> },
      { path: "conferences/:id", element: <ConferencePage /> },
      { path: "conferences/:id/edit", element: <EditConferencePage /> },
      { path: "study-themes", element: <StudyThemesPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

export function AppRoutes() {
  return useRoutes(routes);
}
