import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { CheckboxField } from '@/components/fields';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { QueryFallback } from '@/components/states';
import { TextInput } from '@/components/text-field';
import { useCreateTemplate, useTemplate, useUpdateTemplate, type ChecklistTemplate } from '@/features/turnovers/api/turnovers-api';
import { templatePaths } from '@/features/turnovers/paths';
import '@/features/turnovers/turnovers-strings';
import '@/features/turnovers/turnovers.css';
import { BackLink } from '@/components/back-link';

interface ItemDraft {
  key: number;
  label: string;
  required: boolean;
  requiresPhoto: boolean;
}
interface SectionDraft {
  key: number;
  title: string;
  items: ItemDraft[];
}

let nextKey = 1;
const newItem = (): ItemDraft => ({ key: nextKey++, label: '', required: true, requiresPhoto: false });
const newSection = (): SectionDraft => ({ key: nextKey++, title: '', items: [newItem()] });
const toDraft = (tpl: ChecklistTemplate | undefined): SectionDraft[] =>
  tpl ? tpl.sections.map((s) => ({ key: nextKey++, title: s.title, items: s.items.map((i) => ({ key: nextKey++, ...i })) })) : [newSection()];

/** Moves the element at `index` one place up (-1) or down (+1). */
function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  [copy[index], copy[to]] = [copy[to]!, copy[index]!];
  return copy;
}

/** Up, down and remove for a room or an item (the first cannot go up, the last not down, the only one stays). */
function MoveTools({
  index,
  count,
  labels: [up, down, remove],
  onMove,
  onRemove,
  className = 'template-tools',
}: {
  index: number;
  count: number;
  labels: [string, string, string];
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
  className?: string;
}) {
  return (
    <span className={className}>
      <Button variant="ghost" iconOnly aria-label={up} isDisabled={index === 0} onPress={() => onMove(-1)}>
        <Icon name="chevronUp" size={18} />
      </Button>
      <Button variant="ghost" iconOnly aria-label={down} isDisabled={index === count - 1} onPress={() => onMove(1)}>
        <Icon name="chevronDown" size={18} />
      </Button>
      <Button variant="ghost" iconOnly aria-label={remove} isDisabled={count === 1} onPress={onRemove}>
        <Icon name="trash" size={18} />
      </Button>
    </span>
  );
}

function Editor({ template }: { template?: ChecklistTemplate }) {
  const { t } = useTranslation('turnovers');
  const navigate = useNavigate();
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  const [name, setName] = useState(template?.name ?? '');
  const [sections, setSections] = useState<SectionDraft[]>(() => toDraft(template));
  const [saved, setSaved] = useState(false);
  const mutation = template ? update : create;

  useEffect(() => {
    if (!template) return;
    setName(template.name);
    setSections(toDraft(template));
  }, [template]);

  const setSection = (key: number, change: (s: SectionDraft) => SectionDraft) => {
    setSaved(false);
    setSections((all) => all.map((s) => (s.key === key ? change(s) : s)));
  };
  const setItem = (sectionKey: number, itemKey: number, patch: Partial<ItemDraft>) =>
    setSection(sectionKey, (s) => ({ ...s, items: s.items.map((i) => (i.key === itemKey ? { ...i, ...patch } : i)) }));

  const body = () => ({
    name: name.trim(),
    sections: sections.map((s) => ({ title: s.title.trim(), items: s.items.map((i) => ({ label: i.label.trim(), required: i.required, requiresPhoto: i.requiresPhoto })) })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (template) update.mutate({ id: template.id, input: { ...body(), version: template.version } }, { onSuccess: () => setSaved(true) });
    else create.mutate(body(), { onSuccess: (created) => void navigate(templatePaths.detail(created.id), { replace: true }) });
  };
  const toggle = () => {
    if (!template) return;
    setSaved(false);
    update.mutate({ id: template.id, input: { name: template.name, sections: template.sections, isActive: !template.isActive, version: template.version } });
  };

  return (
    <>
      <BackLink to={templatePaths.list}>{t('editor.back')}</BackLink>
      <PageHeader
        title={template ? template.name : t('editor.newTitle')}
        dataTitle={Boolean(template)}

        eyebrow={template ? template.isActive ? <span className="badge badge--success">{t('templates.active')}</span> : <span className="badge">{t('templates.off')}</span> : undefined}
        actions={
          template ? (
            <Button variant="secondary" onPress={toggle} isPending={update.isPending && update.variables?.input.isActive !== undefined}>
              <Icon name={template.isActive ? 'power' : 'refresh'} size={18} />
              {template.isActive ? t('editor.switchOff') : t('editor.switchOn')}
            </Button>
          ) : undefined
        }
      />
      <form className="stack template-editor" onSubmit={submit}>
        {template && !template.isActive ? <Notice tone="warning">{t('editor.offNotice')}</Notice> : null}
        <div className="card">
          <TextInput label={t('editor.name')} value={name} onChange={setName} isRequired maxLength={120} />
        </div>
        {sections.map((section, si) => (
          <fieldset key={section.key} className="card stack gap-3">
            <legend className="visually-hidden">{t('editor.sectionN', { number: si + 1 })}</legend>
            <div className="template-section__head">
              <TextInput
                label={t('editor.sectionTitle')}
                value={section.title}
                onChange={(title) => setSection(section.key, (s) => ({ ...s, title }))}
                isRequired
                maxLength={120}
              />
              <MoveTools
                index={si}
                count={sections.length}
                labels={[t('editor.moveSectionUp', { number: si + 1 }), t('editor.moveSectionDown', { number: si + 1 }), t('editor.removeSection', { number: si + 1 })]}
                onMove={(step) => setSections((all) => move(all, si, step))}
                onRemove={() => setSections((all) => all.filter((s) => s.key !== section.key))}
              />
            </div>
            <ol className="stack gap-3" role="list">
              {section.items.map((item, ii) => (
                <li key={item.key} className="panel stack gap-1" aria-label={`${section.title || t('editor.sectionN', { number: si + 1 })} · ${t('editor.item', { number: ii + 1 })}`}>
                  <TextInput label={t('editor.itemLabel')} value={item.label} onChange={(label) => setItem(section.key, item.key, { label })} isRequired maxLength={300} />
                  <div className="template-item__options">
                    <CheckboxField isSelected={item.required} onChange={(required) => setItem(section.key, item.key, { required })}>
                      {t('editor.required')}
                    </CheckboxField>
                    <CheckboxField isSelected={item.requiresPhoto} onChange={(requiresPhoto) => setItem(section.key, item.key, { requiresPhoto })}>
                      {t('editor.requiresPhoto')}
                    </CheckboxField>
                    <MoveTools
                      className="template-item__tools"
                      index={ii}
                      count={section.items.length}
                      labels={[t('editor.moveItemUp', { number: ii + 1 }), t('editor.moveItemDown', { number: ii + 1 }), t('editor.removeItem', { number: ii + 1 })]}
                      onMove={(step) => setSection(section.key, (s) => ({ ...s, items: move(s.items, ii, step) }))}
                      onRemove={() => setSection(section.key, (s) => ({ ...s, items: s.items.filter((i) => i.key !== item.key) }))}
                    />
                  </div>
                </li>
              ))}
            </ol>
            <Button variant="soft" size="sm" onPress={() => setSection(section.key, (s) => ({ ...s, items: [...s.items, newItem()] }))}>
              <Icon name="plus" size={16} />
              {t('editor.addItem')}
            </Button>
          </fieldset>
        ))}
        <div aria-live="polite">
          {mutation.error ? (
            <ErrorNotice error={mutation.error} messages={{ VERSION_CONFLICT: t('editor.conflict') }} />
          ) : saved ? (
            <Notice tone="success">{t('editor.saved')}</Notice>
          ) : null}
        </div>
        <div className="cluster">
          <Button variant="soft" onPress={() => setSections((all) => [...all, newSection()])}>
            <Icon name="plus" size={18} />
            {t('editor.addSection')}
          </Button>
          <Button type="submit" variant="primary" isPending={mutation.isPending} pendingLabel={t('editor.saving')}>
            {t('editor.save')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** Staff: a new checklist (`checklists/new`) or an existing one, edited room by room. */
export default function TemplatePage() {
  const param = useParams().id;
  const id = param === 'new' ? null : Number(param);
  const template = useTemplate(id);
  if (id === null) return <Editor />;
  if (!template.isSuccess) return <QueryFallback query={template} />;
  return <Editor template={template.data} />;
}
