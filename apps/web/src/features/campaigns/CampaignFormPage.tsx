import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { RequireRole } from "../auth/guards.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { CampaignForm } from "./CampaignForm.tsx";
import { CampaignQuery } from "./campaigns.operations.ts";
import { provinceToday, yearOf } from "./dates.ts";
import "./emulation.css";
import { EMULATION_WRITERS } from "./roles.ts";

/** `/campaigns/new`: a campaign organised by the user's unit by default, open to it. */
export function NewCampaignPage() {
  return (
    <RequireRole roles={EMULATION_WRITERS}>
      <NewCampaign />
    </RequireRole>
  );
}

function NewCampaign() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const viewer = useViewer();
  useDocumentTitle(t("campaigns.form.createTitle"));
  const today = provinceToday();
  const own = viewer ? { id: viewer.unit.id, name: viewer.unit.name } : null;
  return (
    <div className="emulation">
      <p className="back-link">
        <Link to="/campaigns">{t("campaigns.backToList")}</Link>
      </p>
      <h1>{t("campaigns.form.createTitle")}</h1>
      <CampaignForm
        initial={{
          title: "",
          theme: "",
          occasion: "",
          startsOn: today,
          endsOn: `${yearOf(today)}-12-31`,
          organiser: own,
          eligible: own ? [own] : [],
        }}
        onSaved={(id) => void navigate(`/campaigns/${encodeURIComponent(id)}`)}
        onCancel={() => void navigate("/campaigns")}
      />
    </div>
  );
}

/** `/campaigns/:id/edit`. */
export function EditCampaignPage() {
  return (
    <RequireRole roles={EMULATION_WRITERS}>
      <EditCampaign />
    </RequireRole>
  );
}

function EditCampaign() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(CampaignQuery, { variables: { id } });
  useDocumentTitle(t("campaigns.form.editTitle"));
  const back = `/campaigns/${encodeURIComponent(id)}`;
  return (
    <div className="emulation">
      <p className="back-link">
        <Link to={back}>{t("campaigns.backToCampaign")}</Link>
      </p>
      <h1>{t("campaigns.form.editTitle")}</h1>
      <QueryState
        loading={loading}
        error={error}
        data={data}
        onRetry={() => refetch()}
        loadingLabel={t("campaigns.page.loading")}
        notFound={<p className="state state-empty">{t("campaigns.page.notFoundText")}</p>}
        notFoundCodes={["NOT_FOUND", "BAD_USER_INPUT"]}
      >
        {({ campaign }) => (
          <CampaignForm
            campaignId={campaign.id}
            initial={{
              title: campaign.title,
              theme: campaign.theme,
              occasion: campaign.occasion ?? "",
              startsOn: campaign.startsOn,
              endsOn: campaign.endsOn,
              organiser: { id: campaign.organiser?.id ?? "", name: campaign.organiserName },
              eligible: campaign.eligibleUnits.map((unit) => ({
                id: unit.unitId,
                name: unit.name,
                kind: unit.kind,
              })),
            }}
            onSaved={() => void navigate(back)}
            onCancel={() => void navigate(back)}
          />
        )}
      </QueryState>
    </div>
  );
}
