import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation } from "react-router";
import type { Role } from "@dangbo/shared";
import { UserMenu } from "../features/auth/UserMenu.tsx";
import { useViewer } from "../features/auth/ViewerProvider.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { NAVIGATION, type NavGroup } from "./navigation.ts";

/** The entries a role may see; groups left without entries are dropped. */
export function navigationFor(groups: readonly NavGroup[], role: Role): NavGroup[] {
  return groups
    .map((group) => ({
      ...group,
      items: group.items.filter((item) => !item.roles || item.roles.includes(role)),
    }))
    .filter((group) => group.items.length > 0);
}

export function Header() {
  const { t } = useTranslation();
  const navId = useId();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const viewer = useViewer();
  // Signed out (the sign-in page, or while the session is checked): no navigation at all.
  const groups = viewer ? navigationFor(NAVIGATION, viewer.role) : [];

  // A chosen link closes the menu on small screens.
  useEffect(() => setMenuOpen(false), [location.pathname]);

  return (
    <header
      className="site-header"
      onKeyDown={(event) => {
        if (event.key === "Escape" && menuOpen) {
          setMenuOpen(false);
          menuButton.current?.focus();
        }
      }}
    >
      <div className="header-bar">
        <Link to="/" className="brand" aria-label={t("app.home")}>
          <span className="brand-star" aria-hidden="true">
            ★
          </span>
          <span className="brand-text">
            <span className="brand-name">{t("app.name")}</span>
            <span className="brand-subtitle">{t("app.subtitle")}</span>
          </span>
        </Link>
        <div className="header-tools">
          <LanguageSwitch />
          {viewer && <UserMenu viewer={viewer} />}
          {groups.length > 0 && (
            <button
              type="button"
              ref={menuButton}
              className="menu-button"
              aria-expanded={menuOpen}
              aria-controls={navId}
              onClick={() => setMenuOpen((open) => !open)}
            >
              <span className="menu-icon" aria-hidden="true" />
              {t("nav.menu")}
            </button>
          )}
        </div>
      </div>
      {groups.length > 0 && (
        <nav
          id={navId}
          className="site-nav"
          data-open={menuOpen}
          aria-label={t("nav.label")}
          onClick={(event) => {
            // Also when the link is to the page already shown (the path does not change).
            if ((event.target as Element).closest("a")) setMenuOpen(false);
          }}
        >
          {groups.map((group) => (
            <div className="nav-group" key={group.id}>
              <span className="nav-group-label" id={`${navId}-${group.id}`}>
                {t(group.label)}
              </span>
              <ul aria-labelledby={`${navId}-${group.id}`}>
                {group.items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} className="nav-link">
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
      )}
    </header>
  );
}
