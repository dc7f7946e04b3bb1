import { isNodeType, type NodeType } from '@journey/shared';

/** The drag-and-drop format carrying a node type from the palette to the canvas. */
const NODE_TYPE_FORMAT = 'application/x-journey-node-type';

export function setDraggedNodeType(transfer: DataTransfer, type: NodeType): void {
  transfer.setData(NODE_TYPE_FORMAT, type);
  transfer.effectAllowed = 'copy';
}

export function draggedNodeType(transfer: DataTransfer): NodeType | undefined {
  const type = transfer.getData(NODE_TYPE_FORMAT);
  return isNodeType(type) ? type : undefined;
}

export function carriesNodeType(transfer: DataTransfer): boolean {
  return transfer.types.includes(NODE_TYPE_FORMAT);
}
