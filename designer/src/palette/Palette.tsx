import { catalog, type NodeCategory, type NodeType, nodeTypes } from '@journey/shared';
import { useStoreApi } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { NodeIcon } from '../canvas/NodeIcon';
import { useLocale } from '../i18n';
import type { Point } from '../store/documentOps';
import { ESTIMATED_NODE_SIZE } from '../store/flowElements';
import { useJourneyStore } from '../store/journeyStore';
import { setDraggedNodeType } from './dragData';

const categories: NodeCategory[] = ['entry', 'flow', 'action', 'exit'];
/** Clicking twice must not hide the second node under the first. */
const CASCADE = 24;

/** The centre of what the canvas shows, moved down-right until no node starts exactly there. */
function useFreeSpotInView(): () => Point {
  const flowStore = useStoreApi();
  return () => {
    const { width, height, transform } = flowStore.getState();
    const [panX, panY, zoom] = transform;
    const taken = useJourneyStore.getState().document.nodes.map((node) => node.position);
    const spot = {
      x: Math.round((width / 2 - panX) / zoom - ESTIMATED_NODE_SIZE.width / 2),
      y: Math.round((height / 2 - panY) / zoom - ESTIMATED_NODE_SIZE.height / 2),
    };
    while (taken.some((position) => Math.abs(position.x - spot.x) < 4 && Math.abs(position.y - spot.y) < 4)) {
      spot.x += CASCADE;
      spot.y += CASCADE;
    }
    return spot;
  };
}

export function Palette() {
  const { t } = useTranslation();
  const locale = useLocale();
  const addNode = useJourneyStore((state) => state.addNode);
  const freeSpot = useFreeSpotInView();
  const add = (type: NodeType) => addNode(type, freeSpot());

  return (
    <nav className="palette" aria-label={t('palette.title')}>
      <h2 className="panel-title">{t('palette.title')}</h2>
      <p className="panel-hint">{t('palette.hint')}</p>
      {categories.map((category) => (
        <section key={category} className="palette-group">
          <h3>{t(`palette.categories.${category}`)}</h3>
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
                    <span className="palette-item-text">
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
