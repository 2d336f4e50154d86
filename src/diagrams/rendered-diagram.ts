import type { Request, Response } from 'express';

/** A drawn diagram and how long a client may keep it. */
export interface RenderedDiagram {
  body: string;
  contentType: string;
  /** A strong validator when the content depends only on immutable or hashed input; none for live counts. */
  etag?: string;
  /** Published versions never change, so their diagrams may be kept; drafts and live figures must be revalidated. */
  cacheControl: string;
}

/** Sends the diagram, or 304 when the client's copy is current. */
export function sendDiagram(req: Request, res: Response, diagram: RenderedDiagram): void {
  res.setHeader('Cache-Control', diagram.cacheControl);
  res.setHeader('Vary', 'Authorization');
  if (diagram.etag) {
    res.setHeader('ETag', diagram.etag);
    const wanted = req.headers['if-none-match'];
    if (wanted !== undefined && wanted.split(/\s*,\s*/).includes(diagram.etag)) {
      res.status(304).end();
      return;
    }
  }
  res.status(200).type(diagram.contentType).send(diagram.body);
}

export const NO_CACHE = 'private, no-cache';
export const IMMUTABLE = 'private, max-age=31536000, immutable';
