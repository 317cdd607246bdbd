/** Links into the Scend: work exceptions page (buttons on records, emails). */
import * as url from 'N/url';
import { SCRIPTS } from '../../ids';

export function workPageUrl(params: Record<string, string>): string {
  return url.resolveScript({ scriptId: SCRIPTS.exceptionWork.id, deploymentId: SCRIPTS.exceptionWork.deployments.main, params });
}

const js = (s: string): string => JSON.stringify(s).replace(/</g, '\\u003c');

/** A button's client code that opens a URL (form buttons run a function expression in the page). */
export const openUrlScript = (href: string): string => `window.location.href=${js(href)}`;

/** A button's client code that asks why, then opens the URL with the note. */
export const promptNoteScript = (href: string, question: string): string =>
  `(function(){var n=window.prompt(${js(question)});if(n){window.location.href=${js(href)}+'&note='+encodeURIComponent(n);}})()`;
