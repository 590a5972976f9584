import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useSession, type Viewer } from "./ViewerProvider.tsx";

export const CHANGE_PASSWORD_PATH = "/account/password";

/** Who is signed in (name, role, unit), with "Change password" and "Sign out". */
export function UserMenu({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [failed, setFailed] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();

  useEffect(() => setOpen(false), [location.pathname]);

  // A click or a tap elsewhere closes the menu.
  useEffect(() => {
    if (!open) return undefined;
    const close = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [open]);

  const role = t(`auth.roles.${viewer.role}`);

  return (
    <div
      className="user-menu"
      ref={root}
      onBlur={(event) => {
        // Tabbing out of the menu closes it (clicks elsewhere are handled above).
        const next = event.relatedTarget as Node | null;
        if (open && next && !root.current?.contains(next)) setOpen(false);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          // Not also the navigation menu around it.
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        type="button"
        ref={button}
        className="user-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="user-name">{viewer.displayName}</span>
        <span className="user-detail">
          {role} · {viewer.unit.name}
        </span>
        <span className="visually-hidden"> – {t("auth.menu.label")}</span>
      </button>
      <div id={panelId} className="user-panel" hidden={!open}>
        <dl className="user-identity">
          <div>
            <dt>{t("auth.menu.username")}</dt>
            <dd>{viewer.username}</dd>
          </div>
          <div>
            <dt>{t("auth.menu.role")}</dt>
            <dd>{role}</dd>
          </div>
          <div>
            <dt>{t("auth.menu.unit")}</dt>
            <dd>{viewer.unit.name}</dd>
          </div>
        </dl>
        <ul className="user-actions">
          <li>
            <Link to={CHANGE_PASSWORD_PATH} className="user-action">
              {t("auth.menu.changePassword")}
            </Link>
          </li>
          <li>
            <button
              type="button"
              className="user-action"
              aria-disabled={signingOut}
              onClick={() => {
                if (signingOut) return;
                setSigningOut(true);
                setFailed(false);
                signOut().catch(() => {
                  setFailed(true);
                  setSigningOut(false);
                });
              }}
            >
              {signingOut ? t("auth.menu.signingOut") : t("auth.menu.signOut")}
            </button>
          </li>
        </ul>
        {failed && (
          <p className="inline-error" role="alert">
            {t("auth.menu.signOutFailed")}
          </p>
        )}
      </div>
    </div>
  );
}
