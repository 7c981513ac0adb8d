// What a resource's data.ts implements: react-admin's data provider methods, for rows of the
// resource's own generated types (any row with an id is a record). dataProvider.ts routes to them.
import type {
  CreateParams,
  CreateResult,
  DeleteManyParams,
  DeleteManyResult,
  DeleteParams,
  DeleteResult,
  GetListParams,
  GetListResult,
  GetManyParams,
  GetManyReferenceParams,
  GetManyReferenceResult,
  GetManyResult,
  GetOneParams,
  GetOneResult,
  RaRecord,
  UpdateManyParams,
  UpdateManyResult,
  UpdateParams,
  UpdateResult,
} from 'react-admin';

export interface Handlers {
  getList(resource: string, params: GetListParams): Promise<GetListResult<RaRecord>>;
  getOne(resource: string, params: GetOneParams): Promise<GetOneResult<RaRecord>>;
  getMany(resource: string, params: GetManyParams): Promise<GetManyResult<RaRecord>>;
  getManyReference(resource: string, params: GetManyReferenceParams): Promise<GetManyReferenceResult<RaRecord>>;
  update(resource: string, params: UpdateParams): Promise<UpdateResult<RaRecord>>;
  updateMany(resource: string, params: UpdateManyParams): Promise<UpdateManyResult>;
  create(resource: string, params: CreateParams): Promise<CreateResult<RaRecord>>;
  delete(resource: string, params: DeleteParams): Promise<DeleteResult<RaRecord>>;
  deleteMany(resource: string, params: DeleteManyParams): Promise<DeleteManyResult>;
}
