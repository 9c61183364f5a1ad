import { type ReactNode, useEffect, useState } from 'react';

/**
 * Items with "Move up" and "Move down" buttons. A move names the two items swapped, in their new order
 * (the API's order routes take exactly that). After a move, focus stays on the button pressed, now on
 * the item's new row, and the move is announced.
 */
export function OrderList({
  label,
  items,
  onMove,
  extra,
}: {
  label: string;
  items: Array<{ id: string; text: string }>;
  onMove: (ids: [string, string]) => Promise<void>;
  /** More controls for an item (rename, …). */
  extra?: (id: string) => ReactNode;
}) {
  const [focus, setFocus] = useState<string | undefined>();
  const [said, setSaid] = useState('');
  const [error, setError] = useState<string | undefined>();
  const order = items.map((i) => i.id).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus once the new order has arrived
  useEffect(() => {
    if (focus) document.getElementById(focus)?.focus();
  }, [order]);
  const move = async (i: number, by: -1 | 1) => {
    const item = items[i]!;
    const other = items[i + by]!;
    setError(undefined);
    try {
      await onMove(by < 0 ? [item.id, other.id] : [other.id, item.id]);
      const edge = (by < 0 && i === 1) || (by > 0 && i === items.length - 2);
      // At the top (or bottom) the pressed button is gone: the other one takes focus.
      setFocus(`${edge ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down'}-${item.id}`);
      setSaid(`${item.text} moved ${by < 0 ? 'up' : 'down'}.`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <p className="govuk-visually-hidden" role="status">
        {said}
      </p>
      {error ? <p className="govuk-error-message">{error}</p> : null}
      <ol className="govuk-list govuk-list--number app-order-list" aria-label={label}>
        {items.map((item, i) => (
          <li key={item.id} className="app-order-list__item">
            <span className="app-order-list__text">{item.text}</span>
            <span className="app-order-list__buttons">
              {i > 0 ? (
                <button
                  type="button"
                  id={`up-${item.id}`}
                  className="govuk-button govuk-button--secondary app-table-button"
                  onClick={() => void move(i, -1)}
                >
                  Move up<span className="govuk-visually-hidden"> {item.text}</span>
                </button>
              ) : null}
              {i < items.length - 1 ? (
                <button
                  type="button"
                  id={`down-${item.id}`}
                  className="govuk-button govuk-button--secondary app-table-button"
                  onClick={() => void move(i, 1)}
                >
                  Move down<span className="govuk-visually-hidden"> {item.text}</span>
                </button>
              ) : null}
              {extra?.(item.id)}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
