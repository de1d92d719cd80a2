import { useEffect, useRef } from 'react';
import { TitlePortal, useLocation } from 'react-admin';

/** How long a new page may take to put its title into the heading before focus gives up waiting. */
const waitForTitleMs = 3_000;

/**
 * The page's one `<h1>`, at the top of the content: every screen's react-admin `<Title>` renders into it
 * (it is react-admin's title portal, `#react-admin-title`). After a page change the keyboard focus moves
 * to it — unless the new page already put focus in its content (an input with `autoFocus`) — so a screen
 * reader announces the new page and the next Tab reaches the page's first control.
 */
export function PageHeading() {
  const { pathname } = useLocation();
  const heading = useRef<HTMLElement>(null);

  useEffect(() => {
    let frame = 0;
    const started = Date.now();
    const focusWhenTitled = () => {
      const element = heading.current;
      if (!element) return;
      const content = document.getElementById('main-content');
      if (content?.contains(document.activeElement) && document.activeElement !== element) return;
      if (element.textContent?.trim()) {
        element.focus({ preventScroll: true });
        return;
      }
      if (Date.now() - started < waitForTitleMs) frame = requestAnimationFrame(focusWhenTitled);
    };
    frame = requestAnimationFrame(focusWhenTitled);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);

  return (
    <TitlePortal
      ref={heading}
      component="h1"
      variant="h5"
      tabIndex={-1}
      sx={{
        flex: 'none',
        whiteSpace: 'normal',
        mt: 2,
        mb: 1,
        mx: { xs: 1, sm: 0 },
        fontWeight: 500,
        '&:focus': { outline: 'none' },
        '&:focus-visible': { outline: '2px solid', outlineColor: 'var(--pk-focus, #1565c0)' },
        '&:empty': { display: 'none' },
      }}
    />
  );
}
