import type { CandidateStage } from "@dangbo/shared";
import { useTranslation } from "react-i18next";

export function StageBadge({ stage }: { stage: CandidateStage }) {
  const { t } = useTranslation();
  return (
    <span className={`stage-badge stage-${stage.toLowerCase()}`}>
      {t(`candidates.stages.${stage}`)}
    </span>
  );
}
