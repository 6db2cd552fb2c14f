import { attributeErrors, describe as reasonOf } from '../web/errors';

const unavailable = (serviceName: string, path?: string[]) => ({
  message: `The ${serviceName} subgraph is unavailable`,
  ...(path ? { path } : {}),
  extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName, reason: 'unreachable' },
});

describe('errors on the cockpit operation are attributed to panels', () => {
  it('by the failed field when the error has a path', () => {
    const { byDomain, general } = attributeErrors([
      unavailable('governance', ['region', 'disputeStats']),
      unavailable('reform', ['region', 'reformStats', 'lagging', '0']),
    ]);
    expect([...byDomain.keys()].sort()).toEqual(['governance', 'reform']);
    expect(byDomain.get('governance')).toBe('子图暂时无法访问（governance）');
    expect(general).toEqual([]);
  });

  it('by the subgraph named in the error when the path stops above the field', () => {
    const { byDomain } = attributeErrors([unavailable('gov-services', ['region']), unavailable('pilots')]);
    expect([...byDomain.keys()].sort()).toEqual(['pilots', 'services']);
  });

  it('leaves to the screen what concerns no panel', () => {
    const other = { message: 'bad', path: ['regions'], extensions: { code: 'BAD_USER_INPUT' } };
    const { byDomain, general } = attributeErrors([other]);
    expect(byDomain.size).toBe(0);
    expect(general).toEqual([other]);
  });

  it('gives a leader-readable reason', () => {
    expect(reasonOf({ message: 'x', extensions: { code: 'SUBGRAPH_UNAVAILABLE', reason: 'timeout' } })).toBe(
      '子图响应超时',
    );
    expect(reasonOf({ message: 'x', extensions: { code: 'FORBIDDEN' } })).toBe('当前令牌无权查看');
  });
});
