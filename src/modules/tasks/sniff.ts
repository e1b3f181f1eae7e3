// Moved to the platform: every module's uploads are sniffed the same way.
export * from '../../platform/files/sniff.ts';
