/** An element's text as read: runs of spaces and line breaks as one space (no-break spaces kept), trimmed. */
export const textOf = (node: Element | null | undefined): string =>
  node?.textContent?.replace(/[ \t\r\n]+/g, ' ').trim() ?? '';

/**
 * The loading, empty and error states every widget shows (src/shared/states.ts), read by their parts and roles like
 * a visitor meets them: a status while loading, a status saying there is nothing, an alert with a retry button.
 */
export function statesOf(root: () => ShadowRoot) {
  const statePart = (name: string) => root().querySelector<HTMLElement>(`[part~="state"][part~="${name}"]`);
  const text = textOf;
  const alert = () => statePart('error');
  return {
    /** Which state is shown, if any: `loading`, `empty` or `error`. */
    state(): 'loading' | 'empty' | 'error' | undefined {
      return (['loading', 'empty', 'error'] as const).find((name) => statePart(name));
    },
    /** The whole alert as read out: its title and the message. */
    errorText: () => text(alert()),
    /** The alert's message without its title ("Die Daten konnten nicht geladen werden"). */
    errorMessage(): string {
      const node = alert();
      if (!node) return '';
      return text(node)
        .slice(text(node.querySelector('strong')).length)
        .trim();
    },
    /** What the empty state says. */
    emptyText: () => text(statePart('empty')),
    /** The retry button of the error state, if it offers one. */
    retryButton: () => root().querySelector<HTMLButtonElement>('[part~="retry"]'),
  };
}
