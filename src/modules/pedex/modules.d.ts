// Types for the packages PedEx uses that ship none: only what this module calls.

declare module 'spdx-license-ids' {
  const ids: string[];
  export default ids;
}

declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(format: 'bibliography', options: { format: 'text' | 'html'; template: string; lang: string }): string;
    format(format: 'bibtex' | 'ris' | 'data', options?: Record<string, unknown>): string;
  }
}

declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';

declare module '@citation-js/name' {
  export function parse(name: string): { given?: string; family?: string; literal?: string; suffix?: string; 'non-dropping-particle'?: string };
}
