import { invalidInput, sameId } from './common';
import type { CrmStore } from './store';
import { TASK_TYPE_COLUMNS } from './unconfirmed';

/** The fields every task type has, as the page's sample lists them (`ColumnConfiguration`). */
const COLUMN_CONFIGURATION = [
	{ DataType: 8, DisplayName: 'Owner', InternalSchemaName: 'OwnerId', IsDefault: true, IsMandatoryConfigurable: false, Mandatory: true, Options: null, RenderType: 0, SchemaName: 'OwnerId' },
	{ DataType: 8, DisplayName: 'Associated Lead', InternalSchemaName: 'RelatedEntityId', IsDefault: true, IsMandatoryConfigurable: true, Mandatory: false, Options: null, RenderType: 0, SchemaName: 'RelatedEntityId' },
	{ DataType: 0, DisplayName: 'Subject', InternalSchemaName: 'Name', IsDefault: true, IsMandatoryConfigurable: false, Mandatory: true, Options: null, RenderType: 0, SchemaName: 'Name' },
];

const COLORS = ['#F8BBD0', '#C5CAE9', '#B2DFDB', '#FFE0B2'];

/**
 * GET Task.svc/RetrieveTaskType (page get-list-of-task-types-2): every task type, or those whose
 * ColumnName (TaskTypeId, TaskTypeName or Category) has ColumnValue. The type's ID is `Id`.
 */
export function taskTypeRows(store: CrmStore, query: URLSearchParams) {
	const column = query.get('ColumnName') ?? query.get('columnName');
	const value = (query.get('ColumnValue') ?? query.get('columnValue') ?? '').trim();
	if (column && !TASK_TYPE_COLUMNS.some((known) => known.toLowerCase() === column.toLowerCase())) {
		invalidInput(`ColumnName '${column}' must be one of TaskTypeId, TaskTypeName, Category`);
	}
	const matches = (type: CrmStore['taskTypes'][number]) => {
		switch (column?.toLowerCase()) {
			case 'tasktypeid':
				return sameId(type.Id, value);
			case 'tasktypename':
			case 'taskname':
				return type.Name.toLowerCase() === value.toLowerCase();
			case 'category':
				return String(type.Category) === value;
			default:
				return true;
		}
	};
	return store.taskTypes.filter(matches).map((type, index) => ({
		Category: type.Category,
		Color: COLORS[index % COLORS.length],
		ColumnConfiguration: COLUMN_CONFIGURATION,
		CreatedBy: 'System',
		CreatedOn: '/Date(1502992091000+0000)/',
		FormLayout: JSON.stringify({ Sections: [{ DisplayName: 'Task Details', Fields: COLUMN_CONFIGURATION.map(({ SchemaName }) => ({ SchemaName, DisplayName: null, Colspan: 2, Disabled: false })) }] }),
		Id: type.Id,
		Name: type.Name,
	}));
}
