import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JourneyDocument, JourneyEdge, JourneyNode } from '../model/document';
import { isPublishable, type ValidationOptions, type ValidationProblem, validateJourney } from './validate';

// ---- document builders ------------------------------------------------------------------------

function node(id: string, type: string, config: Record<string, unknown>, label?: string): JourneyNode {
  return { id, type, position: { x: 0, y: 0 }, config, ...(label ? { label } : {}) };
}

function edge(source: string, sourceHandle: string, target: string, id = `${source}-${sourceHandle}`): JourneyEdge {
  return { id, source, sourceHandle, target };
}

function journey(nodes: JourneyNode[], edges: JourneyEdge[]): JourneyDocument {
  return {
    schemaVersion: 1,
    id: 'card-welcome',
    name: 'Card welcome',
    settings: { reentry: 'never', timezone: 'Asia/Shanghai' },
    nodes,
    edges,
  };
}

const exitNode = (id: string) => node(id, 'exit', {});
const sms = (id: string, body = 'Hello {{profile.name}}') =>
  node(id, 'message', { channel: 'sms', template: { body } });

/**
 * trigger → waitForEvent (timeout → lapsed) → condition (else → done) → split → two messages → done.
 * Node indexes: trigger 0, spend 1, vip 2, test 3, smsA 4, pushB 5, done 6, lapsed 7.
 * Edge indexes: 0 trigger, 1 matched, 2 timeout, 3 vip, 4 else, 5 A, 6 B, 7 smsA sent, 8 pushB sent.
 */
function welcomeJourney(): JourneyDocument {
  return journey(
    [
      node('trigger', 'trigger', {
        kind: 'event',
        event: 'card_activated',
        where: { attr: 'age', op: 'gte', value: 18 },
      }),
      node(
        'spend',
        'waitForEvent',
        { event: 'card_transaction', where: { event: 'amount', op: 'gte', value: 99 }, within: 'P60D' },
        'First spend',
      ),
      node('vip', 'condition', { branches: [{ id: 'vip', when: { hasTag: 'vip' } }] }),
      node('test', 'split', {
        variants: [
          { id: 'A', weight: 50 },
          { id: 'B', weight: 50, control: true },
        ],
      }),
      sms('smsA'),
      node('pushB', 'message', { channel: 'push', template: { title: 'Welcome', body: 'Your card is ready' } }),
      exitNode('done'),
      node('lapsed', 'exit', { reason: 'no spend' }),
    ],
    [
      edge('trigger', 'next', 'spend'),
      edge('spend', 'matched', 'vip'),
      edge('spend', 'timeout', 'lapsed'),
      edge('vip', 'vip', 'test'),
      edge('vip', 'else', 'done'),
      edge('test', 'A', 'smsA'),
      edge('test', 'B', 'pushB'),
      edge('smsA', 'sent', 'done'),
      edge('pushB', 'sent', 'done'),
    ],
  );
}

const catalogueOptions: ValidationOptions = {
  attributes: { age: 'number', name: 'string' },
  knownEvents: ['card_activated', 'card_transaction'],
  segments: ['payroll'],
  benefitPools: ['welcome-coupon'],
};

function nodeOf(document: JourneyDocument, id: string): JourneyNode {
  const found = document.nodes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no node ${id} in the test document`);
  return found;
}

/** The problems without their messages, for exact comparison. */
function located(problems: readonly ValidationProblem[]) {
  return problems.map(({ message: _message, ...rest }) => rest);
}

function problemsOf(document: unknown, options?: ValidationOptions) {
  return located(validateJourney(document, options));
}

// ---- tests ------------------------------------------------------------------------------------

describe('validateJourney: a valid journey', () => {
  it('has no problems, with every reference known and an optional output left unconnected', () => {
    expect(validateJourney(welcomeJourney(), catalogueOptions)).toEqual([]);
  });

  it('accepts split weights that add up to 100 only up to floating-point rounding', () => {
    const weights = [16, 41.5, 11.2, 0.9, 8.2, 8, 14.2];
    const variants = weights.map((weight, index) => ({ id: `v${index}`, weight }));
    const document = journey(
      [
        node('trigger', 'trigger', { kind: 'segment', segmentId: 'payroll' }),
        node('split', 'split', { variants }),
        exitNode('done'),
      ],
      [edge('trigger', 'next', 'split'), ...variants.map((variant) => edge('split', variant.id, 'done'))],
    );
    expect(validateJourney(document)).toEqual([]);
  });
});

describe('validateJourney: the document', () => {
  it('reports invalid_document with the zod path, and nothing else', () => {
    const document = welcomeJourney();
    document.nodes[2] = { ...document.nodes[2]!, id: 'not an id!' };
    expect(problemsOf(document)).toEqual([{ code: 'invalid_document', path: 'nodes.2.id', severity: 'error' }]);
  });

  it('reports invalid_document for input that is not a journey at all', () => {
    expect(problemsOf('journey')).toEqual([{ code: 'invalid_document', path: '', severity: 'error' }]);
    expect(problemsOf({ schemaVersion: 99 })).toEqual([
      { code: 'invalid_document', path: 'schemaVersion', severity: 'error' },
    ]);
  });

  it('reports invalid_settings for a time zone that does not exist', () => {
    const document = welcomeJourney();
    document.settings.timezone = 'Mars/Olympus_Mons';
    const problems = validateJourney(document);
    expect(located(problems)).toEqual([{ code: 'invalid_settings', path: 'settings.timezone', severity: 'error' }]);
    expect(problems[0]?.message).toBe('Settings: "Mars/Olympus_Mons" is not an IANA time zone such as Asia/Shanghai');
  });

  it('checks the goal and exit rules of the settings', () => {
    const document = welcomeJourney();
    document.settings.goal = { event: 'loan_signed', within: 'P2X', exitOnGoal: true };
    document.settings.exitWhen = { event: 'card_closed', where: { attr: 'agee', op: 'exists' } };
    expect(problemsOf(document, catalogueOptions)).toEqual([
      { code: 'unknown_event', path: 'settings.goal.event', severity: 'warning' },
      { code: 'unknown_event', path: 'settings.exitWhen.event', severity: 'warning' },
      { code: 'unknown_attribute', path: 'settings.exitWhen.where', severity: 'warning' },
      { code: 'invalid_duration', path: 'settings.goal.within', severity: 'error' },
    ]);
  });
});

describe('validateJourney: nodes', () => {
  it('reports unknown_node_type', () => {
    const document = welcomeJourney();
    nodeOf(document, 'done').type = 'teleport';
    expect(problemsOf(document)).toEqual([
      { code: 'unknown_node_type', path: 'nodes.6.type', nodeId: 'done', severity: 'error' },
    ]);
  });

  it('reports invalid_config at the config field', () => {
    const document = welcomeJourney();
    nodeOf(document, 'pushB').config.channel = 'pigeon';
    expect(problemsOf(document)).toEqual([
      { code: 'invalid_config', path: 'nodes.5.config.channel', nodeId: 'pushB', severity: 'error' },
    ]);
  });

  it('reports invalid_duration for a wait for event, naming the node by its label', () => {
    const document = welcomeJourney();
    nodeOf(document, 'spend').config.within = 'P2X';
    const problems = validateJourney(document);
    expect(located(problems)).toEqual([
      { code: 'invalid_duration', path: 'nodes.1.config.within', nodeId: 'spend', severity: 'error' },
    ]);
    expect(problems[0]?.message).toBe(
      'Wait for event "First spend": "P2X" is not an ISO-8601 duration such as P2D, PT12H or P1W',
    );
  });

  it('reports invalid_duration for a wait, whose config has two forms', () => {
    const document = journey(
      [
        node('trigger', 'trigger', { kind: 'event', event: 'signup' }),
        node('pause', 'wait', { duration: 'two days' }),
        exitNode('done'),
      ],
      [edge('trigger', 'next', 'pause'), edge('pause', 'next', 'done')],
    );
    expect(problemsOf(document)).toEqual([
      { code: 'invalid_duration', path: 'nodes.1.config.duration', nodeId: 'pause', severity: 'error' },
    ]);
  });

  it('reports message_without_template for an empty or missing text', () => {
    const document = welcomeJourney();
    nodeOf(document, 'smsA').config.template = { body: '   ' };
    nodeOf(document, 'pushB').config = { channel: 'push' };
    expect(problemsOf(document)).toEqual([
      { code: 'message_without_template', path: 'nodes.4.config.template.body', nodeId: 'smsA', severity: 'error' },
      { code: 'message_without_template', path: 'nodes.5.config.template', nodeId: 'pushB', severity: 'error' },
    ]);
  });

  it('reports split_weights when the weights do not add up to 100', () => {
    const document = welcomeJourney();
    nodeOf(document, 'test').config.variants = [
      { id: 'A', weight: 50 },
      { id: 'B', weight: 40 },
    ];
    const problems = validateJourney(document);
    expect(located(problems)).toEqual([
      { code: 'split_weights', path: 'nodes.3.config.variants', nodeId: 'test', severity: 'error' },
    ]);
    expect(problems[0]?.message).toBe('A/B split: the weights add up to 90, not 100');
  });

  it('reports duplicate_handle_id for repeated variant ids and for a branch named like the else output', () => {
    const document = welcomeJourney();
    nodeOf(document, 'test').config.variants = [
      { id: 'A', weight: 50 },
      { id: 'A', weight: 50 },
    ];
    nodeOf(document, 'vip').config.branches = [{ id: 'else', when: { hasTag: 'vip' } }];
    document.edges[3] = edge('vip', 'else', 'test');
    expect(problemsOf(document)).toEqual(
      expect.arrayContaining([
        { code: 'duplicate_handle_id', path: 'nodes.2.config.branches.0.id', nodeId: 'vip', severity: 'error' },
        { code: 'duplicate_handle_id', path: 'nodes.3.config.variants.1.id', nodeId: 'test', severity: 'error' },
      ]),
    );
  });

  it('reports invalid_condition for a malformed operand, at the path inside the condition', () => {
    const document = welcomeJourney();
    nodeOf(document, 'vip').config.branches = [
      { id: 'vip', label: 'Rich', when: { any: [{ hasTag: 'vip' }, { attr: 'age', op: 'between', value: [65, 18] }] } },
    ];
    const problems = validateJourney(document);
    expect(located(problems)).toEqual([
      { code: 'invalid_condition', path: 'nodes.2.config.branches.0.when.any.1', nodeId: 'vip', severity: 'error' },
    ]);
    expect(problems[0]?.message).toBe('Condition: branch "Rich": between needs [low, high] with low ≤ high');
  });

  it('reports invalid_condition for a condition that does not parse, at its closest field', () => {
    const document = welcomeJourney();
    nodeOf(document, 'trigger').config.where = { attr: 'age', op: 'bigger', value: 18 };
    expect(problemsOf(document)).toEqual([
      { code: 'invalid_condition', path: 'nodes.0.config.where.op', nodeId: 'trigger', severity: 'error' },
    ]);
  });

  it('reports invalid_condition for event properties in a scheduled audience, where no event is in scope', () => {
    const document = welcomeJourney();
    nodeOf(document, 'trigger').config = {
      kind: 'schedule',
      cron: '0 9 * * 1',
      audience: { where: { event: 'amount', op: 'gt', value: 1 } },
    };
    expect(problemsOf(document)).toEqual([
      { code: 'invalid_condition', path: 'nodes.0.config.audience.where', nodeId: 'trigger', severity: 'error' },
    ]);
  });

  it('reports unknown_attribute in conditions and message texts as warnings', () => {
    const document = welcomeJourney();
    nodeOf(document, 'trigger').config.where = { attr: 'agee', op: 'gte', value: 18 };
    nodeOf(document, 'smsA').config.template = { body: 'Hi {{ profile.nickname }}, {{profile.name}}' };
    const problems = validateJourney(document, catalogueOptions);
    expect(located(problems)).toEqual([
      { code: 'unknown_attribute', path: 'nodes.0.config.where', nodeId: 'trigger', severity: 'warning' },
      { code: 'unknown_attribute', path: 'nodes.4.config.template.body', nodeId: 'smsA', severity: 'warning' },
    ]);
    expect(isPublishable(problems)).toBe(true);
  });

  it('reports unknown_event, unknown_segment and unknown_benefit_pool as warnings when the lists are given', () => {
    const document = welcomeJourney();
    nodeOf(document, 'trigger').config = { kind: 'segment', segmentId: 'dormant' };
    nodeOf(document, 'spend').config.event = 'card_swipe';
    document.nodes[4] = node('smsA', 'benefit', { poolId: 'mystery-box' });
    document.edges[7] = edge('smsA', 'granted', 'done');
    document.edges.push(edge('smsA', 'unavailable', 'done'));
    expect(problemsOf(document, catalogueOptions)).toEqual([
      { code: 'unknown_segment', path: 'nodes.0.config.segmentId', nodeId: 'trigger', severity: 'warning' },
      { code: 'unknown_event', path: 'nodes.1.config.event', nodeId: 'spend', severity: 'warning' },
      { code: 'unknown_benefit_pool', path: 'nodes.4.config.poolId', nodeId: 'smsA', severity: 'warning' },
    ]);
    expect(problemsOf(document)).toEqual([]);
  });
});

describe('validateJourney: library creatives', () => {
  const creatives = new Map([
    ['card-ready', { name: 'Card ready', channel: 'sms' as const, body: 'Hi {{profile.name}}, your card is ready' }],
    [
      'card-ready-push',
      { name: 'Card ready (push)', channel: 'push' as const, title: 'Hi {{profile.nick}}', body: 'Ready' },
    ],
  ]);

  it('accepts a message that takes its text from a known creative of its channel', () => {
    const document = welcomeJourney();
    nodeOf(document, 'smsA').config = { channel: 'sms', creativeId: 'card-ready' };
    expect(validateJourney(document, { ...catalogueOptions, creatives })).toEqual([]);
  });

  it('does not check a creativeId without the library', () => {
    const document = welcomeJourney();
    nodeOf(document, 'smsA').config = { channel: 'sms', creativeId: 'retired' };
    expect(validateJourney(document, catalogueOptions)).toEqual([]);
  });

  it('reports unknown_creative as an error at config.creativeId, even when the node has text of its own', () => {
    const document = welcomeJourney();
    nodeOf(document, 'smsA').config = { channel: 'sms', creativeId: 'retired', template: { body: 'Hi' } };
    const problems = validateJourney(document, { creatives });
    expect(located(problems)).toEqual([
      { code: 'unknown_creative', path: 'nodes.4.config.creativeId', nodeId: 'smsA', severity: 'error' },
    ]);
    expect(problems[0]?.message).toBe('Message: there is no creative "retired" in the library');
    expect(isPublishable(problems)).toBe(false);
  });

  it('reports creative_channel_mismatch when the creative was written for another channel', () => {
    const document = welcomeJourney();
    nodeOf(document, 'pushB').config = { channel: 'push', creativeId: 'card-ready' };
    const problems = validateJourney(document, { creatives });
    expect(located(problems)).toEqual([
      { code: 'creative_channel_mismatch', path: 'nodes.5.config.creativeId', nodeId: 'pushB', severity: 'error' },
    ]);
    expect(problems[0]?.message).toBe(
      'Message: the creative "card-ready" is written for SMS, but this message goes by Push',
    );
  });

  it('reports unapproved_creative once per message using a creative marked unapproved', () => {
    const document = welcomeJourney();
    nodeOf(document, 'smsA').config = { channel: 'sms', creativeId: 'card-ready' };
    const unapproved = new Map([...creatives].map(([id, creative]) => [id, { ...creative, unapproved: true }]));
    const problems = validateJourney(document, { ...catalogueOptions, creatives: unapproved });
    expect(located(problems)).toEqual([
      { code: 'unapproved_creative', path: 'nodes.4.config.creativeId', nodeId: 'smsA', severity: 'error' },
    ]);
    expect(problems[0]?.message).toBe(
      'Message: the creative "card-ready" has never been approved for sending; approve it in the content library',
    );
  });

  it("checks the placeholders of the creative's text rather than the node's own", () => {
    const document = welcomeJourney();
    nodeOf(document, 'pushB').config = {
      channel: 'push',
      creativeId: 'card-ready-push',
      template: { body: '{{profile.name}} only' },
    };
    const problems = validateJourney(document, { ...catalogueOptions, creatives });
    expect(located(problems)).toEqual([
      { code: 'unknown_attribute', path: 'nodes.5.config.creativeId', nodeId: 'pushB', severity: 'warning' },
    ]);
    expect(problems[0]?.message).toBe('Message: the creative "card-ready-push" uses unknown attribute "nick"');
  });

  it('reports message_without_template for a message with neither text nor creative', () => {
    const document = welcomeJourney();
    nodeOf(document, 'smsA').config = { channel: 'sms' };
    const problems = validateJourney(document, { creatives });
    expect(located(problems)).toEqual([
      { code: 'message_without_template', path: 'nodes.4.config.template', nodeId: 'smsA', severity: 'error' },
    ]);
  });
});

describe('validateJourney: ids and triggers', () => {
  it('reports no_trigger', () => {
    const document = welcomeJourney();
    document.nodes.splice(0, 1);
    document.edges.splice(0, 1);
    expect(problemsOf(document)).toEqual([{ code: 'no_trigger', path: 'nodes', severity: 'error' }]);
  });

  it('reports multiple_triggers on every trigger after the first', () => {
    const document = welcomeJourney();
    document.nodes.push(node('trigger2', 'trigger', { kind: 'event', event: 'app_login' }));
    document.edges.push(edge('trigger2', 'next', 'spend'));
    expect(problemsOf(document)).toEqual([
      { code: 'multiple_triggers', path: 'nodes.8.type', nodeId: 'trigger2', severity: 'error' },
    ]);
  });

  it('reports duplicate_node_id on the later node', () => {
    const document = welcomeJourney();
    document.nodes.push(exitNode('done'));
    expect(problemsOf(document)).toEqual([
      { code: 'duplicate_node_id', path: 'nodes.8.id', nodeId: 'done', severity: 'error' },
    ]);
  });

  it('reports duplicate_edge_id on the later edge', () => {
    const document = welcomeJourney();
    document.edges[8] = { ...document.edges[8]!, id: 'smsA-sent' };
    expect(problemsOf(document)).toEqual([
      { code: 'duplicate_edge_id', path: 'edges.8.id', edgeId: 'smsA-sent', severity: 'error' },
    ]);
  });
});

describe('validateJourney: edges and handles', () => {
  it('reports edge_missing_source', () => {
    const document = welcomeJourney();
    document.edges.push(edge('ghost', 'next', 'done'));
    expect(problemsOf(document)).toEqual([
      { code: 'edge_missing_source', path: 'edges.9.source', edgeId: 'ghost-next', severity: 'error' },
    ]);
  });

  it('reports edge_missing_target, on the source node too', () => {
    const document = welcomeJourney();
    document.edges.push(edge('smsA', 'failed', 'nowhere'));
    expect(problemsOf(document)).toEqual([
      { code: 'edge_missing_target', path: 'edges.9.target', edgeId: 'smsA-failed', nodeId: 'smsA', severity: 'error' },
    ]);
  });

  it('reports unknown_handle, and the output it left unconnected', () => {
    const document = welcomeJourney();
    document.edges[3] = edge('vip', 'gold', 'test');
    const problems = validateJourney(document);
    expect(located(problems)).toEqual([
      { code: 'unknown_handle', path: 'edges.3.sourceHandle', edgeId: 'vip-gold', nodeId: 'vip', severity: 'error' },
      { code: 'dangling_handle', path: 'nodes.2', nodeId: 'vip', severity: 'error' },
    ]);
    expect(problems[0]?.message).toBe('Edge from Condition: there is no output "gold"; its outputs are vip, else');
  });

  it('reports dangling_handle for a required output without an edge', () => {
    const document = welcomeJourney();
    document.nodes.pop();
    document.edges.splice(2, 1);
    const problems = validateJourney(document);
    expect(located(problems)).toEqual([
      { code: 'dangling_handle', path: 'nodes.1', nodeId: 'spend', severity: 'error' },
    ]);
    expect(problems[0]?.message).toBe('Wait for event "First spend": the "Timeout" output is not connected');
  });

  it('reports handle_multiple_edges on each extra edge of an output', () => {
    const document = welcomeJourney();
    document.edges.push(edge('smsA', 'sent', 'lapsed', 'smsA-sent-again'));
    expect(problemsOf(document)).toEqual([
      {
        code: 'handle_multiple_edges',
        path: 'edges.9.sourceHandle',
        edgeId: 'smsA-sent-again',
        nodeId: 'smsA',
        severity: 'error',
      },
    ]);
  });

  it('reports edge_to_trigger', () => {
    const document = welcomeJourney();
    document.edges.push(edge('smsA', 'failed', 'trigger'));
    expect(problemsOf(document)).toEqual([
      { code: 'edge_to_trigger', path: 'edges.9.target', edgeId: 'smsA-failed', nodeId: 'smsA', severity: 'error' },
    ]);
  });

  it('reports self_loop', () => {
    const document = welcomeJourney();
    document.edges.push(edge('smsA', 'failed', 'smsA'));
    expect(problemsOf(document)).toEqual([
      { code: 'self_loop', path: 'edges.9.target', edgeId: 'smsA-failed', nodeId: 'smsA', severity: 'error' },
    ]);
  });
});

describe('validateJourney: the graph', () => {
  it('reports unreachable_node as an error', () => {
    const document = welcomeJourney();
    document.nodes.push(exitNode('orphan'));
    expect(problemsOf(document)).toEqual([
      { code: 'unreachable_node', path: 'nodes.8', nodeId: 'orphan', severity: 'error' },
    ]);
  });

  it('reports cycle_without_wait once per loop, on its first node', () => {
    const document = journey(
      [
        node('trigger', 'trigger', { kind: 'event', event: 'app_login' }),
        node('check', 'condition', { branches: [{ id: 'vip', when: { hasTag: 'vip' } }] }),
        sms('nudge'),
        exitNode('done'),
      ],
      [
        edge('trigger', 'next', 'check'),
        edge('check', 'vip', 'nudge'),
        edge('check', 'else', 'done'),
        edge('nudge', 'sent', 'check'),
      ],
    );
    const problems = validateJourney(document);
    expect(located(problems)).toEqual([
      { code: 'cycle_without_wait', path: 'nodes.1', nodeId: 'check', severity: 'error' },
    ]);
    expect(problems[0]?.message).toContain('Message');
  });

  it('reports no_path_to_exit as a warning for a loop that nothing leaves', () => {
    const document = journey(
      [
        node('trigger', 'trigger', { kind: 'event', event: 'app_login' }),
        node('remind', 'wait', { duration: 'P30D' }, 'Monthly'),
        sms('nudge'),
      ],
      [edge('trigger', 'next', 'remind'), edge('remind', 'next', 'nudge'), edge('nudge', 'sent', 'remind')],
    );
    const problems = validateJourney(document);
    expect(located(problems)).toEqual([
      { code: 'no_path_to_exit', path: 'nodes.1', nodeId: 'remind', severity: 'warning' },
    ]);
    expect(isPublishable(problems)).toBe(true);
  });

  it('does not call a loop closed while one of its outputs is still unconnected', () => {
    const document = journey(
      [
        node('trigger', 'trigger', { kind: 'event', event: 'app_login' }),
        node('spend', 'waitForEvent', { event: 'card_transaction', within: 'P7D' }),
        sms('nudge'),
      ],
      [edge('trigger', 'next', 'spend'), edge('spend', 'timeout', 'nudge'), edge('nudge', 'sent', 'spend')],
    );
    expect(problemsOf(document).map((problem) => problem.code)).toEqual(['dangling_handle']);
  });
});

describe('validateJourney: goal', () => {
  const withGoal = (goal: NonNullable<JourneyDocument['settings']['goal']>): JourneyDocument => {
    const document = welcomeJourney();
    return { ...document, settings: { ...document.settings, goal } };
  };

  it('warns when a goal that ends the journey hides the matched path of a node waiting for the same event', () => {
    expect(validateJourney(withGoal({ event: 'card_transaction', exitOnGoal: true }))).toEqual([
      {
        code: 'shadowed_by_goal',
        message:
          'Wait for event "First spend": the goal on "card_transaction" ends the journey first, so "Matched" is never taken; give the goal a condition or wait for another event',
        path: 'nodes.1.config.event',
        nodeId: 'spend',
        severity: 'warning',
      },
    ]);
  });

  it('does not warn when the goal lets the node match: it does not exit, or it has a condition or a window', () => {
    for (const goal of [
      { event: 'card_transaction', exitOnGoal: false },
      { event: 'card_transaction', exitOnGoal: true, where: { event: 'amount', op: 'gte' as const, value: 1000 } },
      { event: 'card_transaction', exitOnGoal: true, within: 'P7D' },
    ]) {
      expect(validateJourney(withGoal(goal))).toEqual([]);
    }
  });
});

describe('validateJourney: robustness', () => {
  it('reports every problem, not just the first', () => {
    const document = welcomeJourney();
    document.settings.timezone = 'Nowhere/City';
    nodeOf(document, 'spend').config.within = 'soon';
    document.edges.push(edge('smsA', 'failed', 'smsA'));
    document.nodes.push(exitNode('orphan'));
    expect(problemsOf(document).map((problem) => problem.code)).toEqual([
      'invalid_settings',
      'invalid_duration',
      'self_loop',
      'unreachable_node',
    ]);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(validateJourney(input)).not.toHaveLength(0);
      }),
    );
  });

  it('never throws on a valid journey with one value replaced or removed', () => {
    const valid = welcomeJourney();
    const paths = leafAndBranchPaths(valid);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.oneof(fc.anything(), fc.jsonValue()), (path, value) => {
        const mutated = structuredClone(valid);
        replaceAt(mutated, path, value);
        const problems = validateJourney(mutated, catalogueOptions);
        expect(Array.isArray(problems)).toBe(true);
        for (const problem of problems) expect(problem.message).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });
});

type PathKey = string | number;
/** An object or an array, indexed alike. */
type Container = Record<PathKey, unknown>;

/** Every path into a JSON value, e.g. ['nodes', 1, 'config', 'within']. */
function leafAndBranchPaths(value: unknown, prefix: PathKey[] = []): PathKey[][] {
  if (typeof value !== 'object' || value === null) return [];
  const keys: PathKey[] = Array.isArray(value) ? value.map((_item, index) => index) : Object.keys(value);
  return keys.flatMap((key) => {
    const path = [...prefix, key];
    return [path, ...leafAndBranchPaths((value as Container)[key], path)];
  });
}

/** Sets the value at `path`, or deletes it when the value is undefined. */
function replaceAt(root: object, path: readonly PathKey[], value: unknown): void {
  let parent = root as Container;
  for (const key of path.slice(0, -1)) parent = parent[key] as Container;
  const key = path[path.length - 1]!;
  if (value === undefined) delete parent[key];
  else parent[key] = value;
}
