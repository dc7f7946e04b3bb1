import type { TaskDto } from '@journey/shared';
import type { Task } from './service';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function toTaskDto(task: Task): TaskDto {
  return {
    id: task.id,
    journeyId: task.journeyId,
    version: task.version,
    nodeId: task.nodeId,
    channel: task.channel,
    branch: task.branchId,
    assignee: task.assignee,
    assignedBy: task.assignedBy,
    title: task.title,
    script: task.script,
    customer: { id: task.customerId, summary: task.customerSummary },
    status: task.status,
    dueAt: iso(task.dueAt),
    overdueAt: isoOrNull(task.overdueAt),
    createdAt: iso(task.createdAt),
    completedAt: isoOrNull(task.completedAt),
    outcome: task.outcome,
    note: task.note,
    product: task.product,
    amount: task.amount,
  };
}
