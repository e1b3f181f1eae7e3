import { useEffect } from 'react';

/**
 * Issue #23: two things Ant Design's DOM gets wrong on every page, put right once for the whole
 * app (not page by page), whenever the document changes:
 *
 * - A table that scrolls sideways (or down) at phone width is a region the keyboard cannot scroll
 *   (WCAG 2.1.1; axe's scrollable-region-focusable) unless it holds something focusable. Such a
 *   scrolling box gets a Tab stop and a name (role="group" named by its card's title); it loses
 *   them again when it no longer scrolls.
 * - A tab list's "more" button (shown when the tabs overflow, i.e. at phone width) and any extra
 *   content sit inside the element antd marks role="tablist", which may only own tabs (axe's
 *   aria-required-children). The tablist role moves down to the element holding just the tabs.
 */
export function useA11yFixups(scrollName: string): void {
  useEffect(() => {
    let frame = 0;
    const run = () => {
      frame = 0;
      fixScrollRegions(scrollName);
      fixTabLists();
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(run);
    };
    const mo = new MutationObserver(schedule);
    mo.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    run();
    return () => {
      mo.disconnect();
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scrollName]);
}

const MARK = 'data-a11y-scroll';
const SCROLLERS = '.ant-table-content, .ant-table-body';

export function fixScrollRegions(scrollName: string): void {
  for (const el of document.querySelectorAll<HTMLElement>(SCROLLERS)) {
    const scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    const marked = el.hasAttribute(MARK);
    if (scrolls && !marked) {
      const title = el.closest('.ant-card')?.querySelector('.ant-card-head-title')?.textContent?.trim();
      el.setAttribute(MARK, '');
      el.tabIndex = 0;
      el.setAttribute('role', 'group');
      el.setAttribute('aria-label', title ? `${title}（${scrollName}）` : scrollName);
    } else if (!scrolls && marked) {
      el.removeAttribute(MARK);
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
    }
  }
}

export function fixTabLists(): void {
  for (const nav of document.querySelectorAll<HTMLElement>('.ant-tabs-nav[role="tablist"]')) {
    const list = nav.querySelector<HTMLElement>(':scope > .ant-tabs-nav-wrap > .ant-tabs-nav-list');
    if (!list) continue;
    list.setAttribute('role', 'tablist');
    const orientation = nav.getAttribute('aria-orientation');
    if (orientation) list.setAttribute('aria-orientation', orientation);
    nav.removeAttribute('role');
    nav.removeAttribute('aria-orientation');
  }
}
