import type { ReactNode } from 'react';

// Line icons drawn on a 24-unit grid, one per catalog node type.
const glyphs: Record<string, ReactNode> = {
  trigger: <path d="M13 2 4 14h7l-1 8 9-12h-7z" />,
  wait: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </>
  ),
  waitForEvent: <path d="M6 2h12M6 22h12M7 2v4l5 6 5-6V2M7 22v-4l5-6 5 6v4" />,
  condition: (
    <>
      <circle cx="6" cy="6" r="2.5" />
      <circle cx="6" cy="18" r="2.5" />
      <circle cx="18" cy="8" r="2.5" />
      <path d="M6 8.5v7M18 10.5c0 4-4 5.5-9.5 6.5" />
    </>
  ),
  split: <path d="M4 12h6M10 12l4-6h6M10 12l4 6h6M17 3l3 3-3 3M17 15l3 3-3 3" />,
  message: <path d="M4 5h16v11H9l-5 4z" />,
  benefit: (
    <>
      <rect x="3" y="8" width="18" height="4" rx="1" />
      <path d="M5 12v9h14v-9M12 8v13M12 8C10 4 6 4 7 6.5S12 8 12 8zM12 8c2-4 6-4 5-1.5S12 8 12 8z" />
    </>
  ),
  updateProfile: (
    <>
      <circle cx="10" cy="7" r="4" />
      <path d="M3 21v-1a6 6 0 0 1 9-5M15 21l1-3 4.5-4.5 2 2L18 20z" />
    </>
  ),
  exit: <path d="M10 4H5v16h5M14 8l4 4-4 4M18 12H9" />,
};

const unknownGlyph = (
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7M12 17h.01" />
  </>
);

export function NodeIcon({ type }: { type: string }) {
  return (
    <svg
      className="node-icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {glyphs[type] ?? unknownGlyph}
    </svg>
  );
}
