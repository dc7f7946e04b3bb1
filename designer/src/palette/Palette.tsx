import { catalog, type NodeCategory, type NodeType, nodeTypes } from '@journey/shared';
import { useStoreApi } from '@xyflow/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeIcon } from '../canvas/NodeIcon';
import { useLocale } from '../i18n';
import type { Point } from '../store/documentOps';
import { ESTIMATED_NODE_SIZE } from '../store/flowElements';
import { useJourneyStore } from '../store/journeyStore';
import { setDraggedNodeType } from './dragData';
import { freeSpotNear } from './placement';

const categories: NodeCategory[] = ['entry', 'flow', 'action', 'exit'];

const COMPACT_KEY = 'journey.palette.compact';

/** Icons only, so the canvas gets the room; remembered in this browser. */
function useCompact(): [boolean, () => void] {
  const [compact, setCompact] = useState(() => localStorage.getItem(COMPACT_KEY) === 'yes');
  const toggle = () => {
    localStorage.setItem(COMPACT_KEY, compact ? 'no' : 'yes');
    setCompact(!compact);
  };
  return [compact, toggle];
}

/** Where a node added by click goes: near the centre of what the canvas shows. */
function useSpotInView(): () => Point {
  const flowStore = useStoreApi();
  return () => {
    const { width, height, transform } = flowStore.getState();
    const [panX, panY, zoom] = transform;
    const center = {
      x: (width / 2 - panX) / zoom - ESTIMATED_NODE_SIZE.width / 2,
      y: (height / 2 - panY) / zoom - ESTIMATED_NODE_SIZE.height / 2,
    };
    const { document, measured } = useJourneyStore.getState();
    return freeSpotNear(center, document.nodes, measured);
  };
}

export function Palette() {
  const { t } = useTranslation();
  const locale = useLocale();
  const addNode = useJourneyStore((state) => state.addNode);
  const spotInView = useSpotInView();
  const add = (type: NodeType) => addNode(type, spotInView());
  const [compact, toggleCompact] = useCompact();

  return (
    <nav className={compact ? 'palette compact' : 'palette'} aria-label={t('palette.title')}>
      <div className="palette-header">
        <h2 className="panel-title palette-text">{t('palette.title')}</h2>
        <button
          type="button"
          className="icon-button fold-button"
          aria-pressed={compact}
          aria-label={t('palette.compact')}
          title={t('palette.compact')}
          onClick={toggleCompact}
        >
          {compact ? '»' : '«'}
        </button>
      </div>
      <p className="panel-hint palette-text">{t('palette.hint')}</p>
      {categories.map((category) => (
        <section key={category} className="palette-group">
          <h3 className="palette-text">{t(`palette.categories.${category}`)}</h3>
          <ul>
            {nodeTypes
              .filter((type) => catalog[type].category === category)
              .map((type) => (
                <li key={type}>
                  <button
                    type="button"
                    className={`palette-item category-${category}`}
                    draggable
                    onDragStart={(event) => setDraggedNodeType(event.dataTransfer, type)}
                    onClick={() => add(type)}
                    title={t('palette.add', { type: catalog[type].label[locale] })}
                  >
                    <NodeIcon type={type} />
                    <span className="palette-item-text palette-text">
                      <span className="palette-item-label">{catalog[type].label[locale]}</span>
                      <span className="palette-item-description">{catalog[type].description[locale]}</span>
                    </span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
