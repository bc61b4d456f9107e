import type { ThreadDto, ThreadMessageDto, ThreadSubjectValue } from '@contracts/threads';

export type Thread = ThreadDto;
export type ThreadMessage = ThreadMessageDto;
export type ThreadSubject = ThreadSubjectValue;

export const conversationsKeys = {
  all: ['conversations'] as const,
  unread: () => [...conversationsKeys.all, 'unread'] as const,
  inbox: (unreadOnly: boolean) => [...conversationsKeys.all, 'inbox', unreadOnly] as const,
  thread: (subject: ThreadSubject, id: number) => [...conversationsKeys.all, 'thread', subject, id] as const,
  messages: (subject: ThreadSubject, id: number) => [...conversationsKeys.all, 'messages', subject, id] as const,
};

export const threadPath = (subject: ThreadSubject, id: number) => `/api/threads/${subject}/${id}`;
