import type { Request, Response } from 'express';

const NAME = 'riskledger_dev_session';
/** Sent only to the issuer's own endpoints, never to the API or the console's scripts. */
const PATH = '/dev-issuer';

export function sessionOf(request: Request): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === NAME) return value.join('=');
  }
  return undefined;
}

export function keepSession(
  request: Request,
  response: Response,
  session: string,
  seconds: number,
): void {
  response.cookie(NAME, session, {
    httpOnly: true,
    sameSite: 'lax',
    path: PATH,
    maxAge: seconds * 1000,
    secure: request.secure,
  });
}

export function endSession(request: Request, response: Response): void {
  response.clearCookie(NAME, {
    httpOnly: true,
    sameSite: 'lax',
    path: PATH,
    secure: request.secure,
  });
}
