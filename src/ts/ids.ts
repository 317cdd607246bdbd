/**
 * Every NetSuite id the bundle uses, written once. `__tests__/foundation/ids.test.ts` proves each custom id
 * here exists in src/Objects (and every object there is named here), so a rename cannot drift.
 *
 * Custom list values are referred to by their script id (`val_...`); NetSuite assigns their
 * numeric internal ids per account, so adapters resolve them at run time (see netsuite/lists.ts).
 */

export const SCRIPT_FOLDER = '/SuiteScripts/scend_connector';

/** Custom lists and their values (value script ids). */
export const LISTS = {
  exceptionType: {
    id: 'customlist_scend_exc_type',
    values: {
      skuMismatch: 'val_scend_exc_sku_mismatch',
      unmappedSku: 'val_scend_exc_unmapped_sku',
      missingAddress: 'val_scend_exc_missing_address',
      orderRejected: 'val_scend_exc_order_rejected',
      connection: 'val_scend_exc_connection',
      stalled: 'val_scend_exc_stalled',
      cancelConflict: 'val_scend_exc_cancel_conflict',
      amendConflict: 'val_scend_exc_amend_conflict',
      catalogueDrift: 'val_scend_exc_catalogue_drift',
      unknownProduct: 'val_scend_exc_unknown_product',
      configuration: 'val_scend_exc_configuration',
      invalidPayload: 'val_scend_exc_invalid_payload',
      duplicateRisk: 'val_scend_exc_duplicate_risk',
      failedWork: 'val_scend_exc_failed_work',
      orderData: 'val_scend_exc_order_data',
      tooManyLines: 'val_scend_exc_too_many_lines',
      duplicateReference: 'val_scend_exc_duplicate_ref',
      stockDrift: 'val_scend_exc_stock_drift',
      stockMovement: 'val_scend_exc_stock_movement',
      duplicateShipment: 'val_scend_exc_duplicate_shipment',
      despatchMismatch: 'val_scend_exc_despatch_mismatch',
      despatchUnmatched: 'val_scend_exc_despatch_unmatched',
      despatchClosedOrder: 'val_scend_exc_despatch_closed_order',
      despatchMalformed: 'val_scend_exc_despatch_malformed',
      scendCancelled: 'val_scend_exc_scend_cancelled',
      scendOnHold: 'val_scend_exc_scend_on_hold',
      lostOrder: 'val_scend_exc_lost_order',
      // inbound (purchase orders, transfers, returns)
      receiptVariance: 'val_scend_exc_receipt_variance',
      returnWithoutAuthorization: 'val_scend_exc_return_no_ra',
      asnProblem: 'val_scend_exc_asn_problem',
      driftDespatchedNotFulfilled: 'val_scend_exc_drift_despatched',
      driftCancelledOneSide: 'val_scend_exc_drift_cancelled',
      driftUnknownToScend: 'val_scend_exc_drift_unknown',
      driftStuck: 'val_scend_exc_drift_stuck',
      driftNotSent: 'val_scend_exc_drift_not_sent',
      driftItem: 'val_scend_exc_drift_item',
      driftStock: 'val_scend_exc_drift_stock',
    },
  },
  ownerTeam: {
    id: 'customlist_scend_owner_team',
    values: {
      operations: 'val_scend_team_operations',
      finance: 'val_scend_team_finance',
      customerService: 'val_scend_team_customer_service',
      admin: 'val_scend_team_admin',
    },
  },
  exceptionStatus: {
    id: 'customlist_scend_exc_status',
    values: {
      open: 'val_scend_exc_open',
      resolved: 'val_scend_exc_resolved',
      ignored: 'val_scend_exc_ignored',
    },
  },
  syncState: {
    id: 'customlist_scend_sync_state',
    values: {
      sending: 'val_scend_sync_sending',
      sent: 'val_scend_sync_sent',
      retrying: 'val_scend_sync_retrying',
      blocked: 'val_scend_sync_blocked',
      cancelled: 'val_scend_sync_cancelled',
      failed: 'val_scend_sync_failed',
      skipped: 'val_scend_sync_skipped',
    },
  },
  referenceSource: {
    id: 'customlist_scend_ref_source',
    values: {
      externalIdElseTranId: 'val_scend_ref_externalid',
      tranId: 'val_scend_ref_tranid',
      poNumberElseTranId: 'val_scend_ref_po',
    },
  },
  unreachablePolicy: {
    id: 'customlist_scend_unreach_policy',
    values: {
      refuse: 'val_scend_unreach_refuse',
      allowAndFlag: 'val_scend_unreach_allow_flag',
    },
  },
  severity: {
    id: 'customlist_scend_severity',
    values: {
      high: 'val_scend_sev_high',
      medium: 'val_scend_sev_medium',
      low: 'val_scend_sev_low',
    },
  },
} as const;

/** Custom record types and their fields. */
export const RECORDS = {
  config: {
    id: 'customrecord_scend_config',
    fields: {
      active: 'custrecord_scend_cfg_active',
      baseUrl: 'custrecord_scend_cfg_base_url',
      secretId: 'custrecord_scend_cfg_secret_id',
      referenceSource: 'custrecord_scend_cfg_ref_source',
      defaultCourierService: 'custrecord_scend_cfg_default_service',
      despatchLeadDays: 'custrecord_scend_cfg_lead_days',
      stalledAfterHours: 'custrecord_scend_cfg_stall_hours',
      maxAttempts: 'custrecord_scend_cfg_max_attempts',
      unreachablePolicy: 'custrecord_scend_cfg_unreach_policy',
      alertEmail: 'custrecord_scend_cfg_alert_email',
      goLiveDate: 'custrecord_scend_cfg_go_live',
      stockTolerance: 'custrecord_scend_cfg_stock_tolerance',
      stockAccount: 'custrecord_scend_cfg_stock_account',
      damagedAccount: 'custrecord_scend_cfg_acct_damaged',
      lostAccount: 'custrecord_scend_cfg_acct_lost',
      foundAccount: 'custrecord_scend_cfg_acct_found',
      cycleCountAccount: 'custrecord_scend_cfg_acct_cycle',
      quarantineAccount: 'custrecord_scend_cfg_acct_quarantine',
      stockReportFolder: 'custrecord_scend_cfg_stock_folder',
      respondHighHours: 'custrecord_scend_cfg_resp_high_hrs',
      respondMediumHours: 'custrecord_scend_cfg_resp_medium_hrs',
      respondLowHours: 'custrecord_scend_cfg_resp_low_hrs',
      alertOperations: 'custrecord_scend_cfg_alert_ops',
      alertFinance: 'custrecord_scend_cfg_alert_finance',
      alertCustomerService: 'custrecord_scend_cfg_alert_cs',
      alertAdmin: 'custrecord_scend_cfg_alert_admin',
    },
  },
  locationMap: {
    id: 'customrecord_scend_location_map',
    fields: {
      location: 'custrecord_scend_lm_location',
      warehouse: 'custrecord_scend_lm_warehouse',
    },
  },
  shipMethodMap: {
    id: 'customrecord_scend_ship_map',
    fields: {
      shipMethod: 'custrecord_scend_sm_ship_method',
      courierService: 'custrecord_scend_sm_service',
      priorityDays: 'custrecord_scend_sm_priority_days',
    },
  },
  exception: {
    id: 'customrecord_scend_exception',
    fields: {
      type: 'custrecord_scend_exc_type',
      ownerTeam: 'custrecord_scend_exc_owner',
      status: 'custrecord_scend_exc_status',
      transaction: 'custrecord_scend_exc_transaction',
      item: 'custrecord_scend_exc_item',
      scendReference: 'custrecord_scend_exc_scend_ref',
      message: 'custrecord_scend_exc_message',
      details: 'custrecord_scend_exc_details',
      dedupeKey: 'custrecord_scend_exc_dedupe_key',
      firstSeen: 'custrecord_scend_exc_first_seen',
      lastSeen: 'custrecord_scend_exc_last_seen',
      occurrences: 'custrecord_scend_exc_occurrences',
      resolvedAt: 'custrecord_scend_exc_resolved_at',
      severity: 'custrecord_scend_exc_severity',
      respondBy: 'custrecord_scend_exc_respond_by',
      alertPending: 'custrecord_scend_exc_alert_pending',
      alertedAt: 'custrecord_scend_exc_alerted_at',
      resolvedBy: 'custrecord_scend_exc_resolved_by',
      resolutionNote: 'custrecord_scend_exc_resolution_note',
    },
  },
  sync: {
    id: 'customrecord_scend_sync',
    fields: {
      kind: 'custrecord_scend_sync_kind',
      transaction: 'custrecord_scend_sync_transaction',
      item: 'custrecord_scend_sync_item',
      clientReference: 'custrecord_scend_sync_client_ref',
      scendId: 'custrecord_scend_sync_scend_id',
      state: 'custrecord_scend_sync_state',
      scendStatus: 'custrecord_scend_sync_scend_status',
      attempts: 'custrecord_scend_sync_attempts',
      nextAttemptAt: 'custrecord_scend_sync_next_attempt',
      lastError: 'custrecord_scend_sync_last_error',
      payloadHash: 'custrecord_scend_sync_payload_hash',
      sentAt: 'custrecord_scend_sync_sent_at',
      claimedBy: 'custrecord_scend_sync_claimed_by',
      statusSeq: 'custrecord_scend_sync_status_seq',
    },
  },
  feedCursor: {
    id: 'customrecord_scend_feed_cursor',
    fields: {
      feed: 'custrecord_scend_feed_name',
      cursor: 'custrecord_scend_feed_cursor',
      lastItemAt: 'custrecord_scend_feed_last_item_at',
      lastRunAt: 'custrecord_scend_feed_last_run_at',
      lastRunItems: 'custrecord_scend_feed_last_run_items',
      lastError: 'custrecord_scend_feed_last_error',
    },
  },
  stockRun: {
    id: 'customrecord_scend_stock_run',
    fields: {
      snapshotId: 'custrecord_scend_sr_snapshot',
      asOf: 'custrecord_scend_sr_as_of',
      status: 'custrecord_scend_sr_status',
      rows: 'custrecord_scend_sr_rows',
      counts: 'custrecord_scend_sr_counts',
      fileId: 'custrecord_scend_sr_file',
      adjustments: 'custrecord_scend_sr_adjustments',
    },
  },
  exceptionRoute: {
    id: 'customrecord_scend_exc_route',
    fields: {
      type: 'custrecord_scend_er_type',
      owner: 'custrecord_scend_er_owner',
      severity: 'custrecord_scend_er_severity',
    },
  },
  reconRun: {
    id: 'customrecord_scend_recon_run',
    fields: {
      periodFrom: 'custrecord_scend_rr_from',
      periodTo: 'custrecord_scend_rr_to',
      computedAt: 'custrecord_scend_rr_computed_at',
      despatches: 'custrecord_scend_rr_despatches',
      fulfilments: 'custrecord_scend_rr_fulfilments',
      varianceValue: 'custrecord_scend_rr_variance_value',
      timingValue: 'custrecord_scend_rr_timing_value',
      adjustmentValue: 'custrecord_scend_rr_adjustment_value',
      balanced: 'custrecord_scend_rr_balanced',
      figures: 'custrecord_scend_rr_figures',
      fileId: 'custrecord_scend_rr_file',
      stockRun: 'custrecord_scend_rr_stock_run',
      signedBy: 'custrecord_scend_rr_signed_by',
      signedAt: 'custrecord_scend_rr_signed_at',
    },
  },
} as const;

/** Custom fields on items (custitem_). */
export const ITEM_FIELDS = {
  scendSku: 'custitem_scend_sku',
  skuAligned: 'custitem_scend_sku_aligned',
  lastSyncedAt: 'custitem_scend_last_synced',
  lengthCm: 'custitem_scend_length_cm',
  widthCm: 'custitem_scend_width_cm',
  heightCm: 'custitem_scend_height_cm',
} as const;

/** Custom transaction body fields (custbody_). */
export const TRANSACTION_FIELDS = {
  /** On item fulfilments: the despatch's tracking numbers (the sales order shows its fulfilments). */
  scendTracking: 'custbody_scend_tracking',
} as const;

/**
 * Connector roles (SDF role objects). Custom records use permission lists naming them; scripts run
 * as ADMINISTRATOR, so these roles bound what people can do, not what the connector does.
 */
export const ROLES = {
  integrationAdmin: 'customrole_scend_integration_admin',
  operations: 'customrole_scend_operations',
  customerService: 'customrole_scend_customer_service',
  finance: 'customrole_scend_finance',
} as const;

/**
 * Scripts, their deployments and parameters. `callsScend`: the script sends the API key to Scend,
 * so the API secret must be restricted to exactly these scripts (README, Configuring).
 */
export const SCRIPTS = {
  configCheck: {
    id: 'customscript_scend_sl_config',
    // It tries the connection with one read, so it needs the key too.
    callsScend: true,
    file: `${SCRIPT_FOLDER}/sl_config_check.js`,
    deployments: { main: 'customdeploy_scend_sl_config' },
    params: {},
  },
  configChange: {
    id: 'customscript_scend_ue_config',
    file: `${SCRIPT_FOLDER}/ue_config.js`,
    deployments: { config: 'customdeploy_scend_ue_config', locations: 'customdeploy_scend_ue_config_loc', shipMethods: 'customdeploy_scend_ue_config_ship', exceptionRoutes: 'customdeploy_scend_ue_config_route' },
    params: {},
  },
  orderUserEvent: {
    id: 'customscript_scend_ue_salesorder',
    callsScend: true,
    file: `${SCRIPT_FOLDER}/ue_salesorder.js`,
    deployments: { main: 'customdeploy_scend_ue_salesorder' },
    params: {},
  },
  orderBacklog: {
    id: 'customscript_scend_mr_order_backlog',
    callsScend: true,
    file: `${SCRIPT_FOLDER}/mr_order_backlog.js`,
    deployments: { main: 'customdeploy_scend_mr_order_backlog' },
    params: {},
  },
  itemSync: {
    id: 'customscript_scend_ue_item',
    callsScend: true,
    file: `${SCRIPT_FOLDER}/ue_item.js`,
    deployments: {
      inventory: 'customdeploy_scend_ue_item_inv',
      assembly: 'customdeploy_scend_ue_item_asm',
      kit: 'customdeploy_scend_ue_item_kit',
      lotInventory: 'customdeploy_scend_ue_item_lotinv',
      serialInventory: 'customdeploy_scend_ue_item_serinv',
      lotAssembly: 'customdeploy_scend_ue_item_lotasm',
      serialAssembly: 'customdeploy_scend_ue_item_serasm',
    },
    params: {},
  },
  catalogueCheck: {
    id: 'customscript_scend_mr_catalogue',
    callsScend: true,
    file: `${SCRIPT_FOLDER}/mr_catalogue.js`,
    deployments: { daily: 'customdeploy_scend_mr_catalogue', bulkLoad: 'customdeploy_scend_mr_catalogue_load' },
    params: {},
  },
  stockSync: {
    id: 'customscript_scend_mr_stock_sync',
    callsScend: true,
    file: `${SCRIPT_FOLDER}/mr_stock_sync.js`,
    deployments: { main: 'customdeploy_scend_mr_stock_sync' },
    params: {},
  },
  stockMovements: {
    id: 'customscript_scend_mr_stock_moves',
    callsScend: true,
    file: `${SCRIPT_FOLDER}/mr_stock_movements.js`,
    deployments: { main: 'customdeploy_scend_mr_stock_moves' },
    params: {},
  },
  despatchImport: {
    id: 'customscript_scend_mr_despatch',
    callsScend: true,
    file: `${SCRIPT_FOLDER}/mr_despatch_import.js`,
    deployments: { main: 'customdeploy_scend_mr_despatch' },
    params: {},
  },
  statusSync: {
    id: 'customscript_scend_mr_order_status',
    callsScend: true,
    file: `${SCRIPT_FOLDER}/mr_order_status.js`,
    deployments: { main: 'customdeploy_scend_mr_order_status' },
    params: {},
  },
  webhook: {
    id: 'customscript_scend_sl_webhook',
    file: `${SCRIPT_FOLDER}/sl_webhook.js`,
    deployments: { main: 'customdeploy_scend_sl_webhook' },
    params: { secretId: 'custscript_scend_wh_secret' },
  },
  // inbound: ASNs for purchase orders and transfer orders, receipts, returns
  inboundUserEvent: {
    id: 'customscript_scend_ue_inbound',
    callsScend: true,
    file: `${SCRIPT_FOLDER}/ue_inbound.js`,
    deployments: { purchaseOrder: 'customdeploy_scend_ue_inbound_po', transferOrder: 'customdeploy_scend_ue_inbound_to' },
    params: {},
  },
  asnBacklog: {
    id: 'customscript_scend_mr_asn_backlog',
    callsScend: true,
    file: `${SCRIPT_FOLDER}/mr_asn_backlog.js`,
    deployments: { main: 'customdeploy_scend_mr_asn_backlog' },
    params: {},
  },
  receiptImport: {
    id: 'customscript_scend_mr_receipts',
    callsScend: true,
    file: `${SCRIPT_FOLDER}/mr_receipt_import.js`,
    deployments: { main: 'customdeploy_scend_mr_receipts' },
    params: {},
  },
  returnImport: {
    id: 'customscript_scend_mr_returns',
    callsScend: true,
    file: `${SCRIPT_FOLDER}/mr_return_import.js`,
    deployments: { main: 'customdeploy_scend_mr_returns' },
    params: { damagedLocation: 'custscript_scend_ret_damaged_loc' },
  },
  exceptionWork: {
    id: 'customscript_scend_sl_exceptions',
    file: `${SCRIPT_FOLDER}/sl_exceptions.js`,
    deployments: { main: 'customdeploy_scend_sl_exceptions' },
    params: {},
  },
  exceptionButtons: {
    id: 'customscript_scend_ue_exception',
    file: `${SCRIPT_FOLDER}/ue_exception.js`,
    deployments: { main: 'customdeploy_scend_ue_exception' },
    params: {},
  },
  alerts: {
    id: 'customscript_scend_ss_alerts',
    file: `${SCRIPT_FOLDER}/ss_alerts.js`,
    deployments: { alerts: 'customdeploy_scend_ss_alerts', digest: 'customdeploy_scend_ss_digest' },
    params: {},
  },
  searchSetup: {
    id: 'customscript_scend_sl_search_setup',
    file: `${SCRIPT_FOLDER}/sl_search_setup.js`,
    deployments: { main: 'customdeploy_scend_sl_search_setup' },
    params: {},
  },
  searchInstall: {
    id: 'customscript_scend_install_searches',
    file: `${SCRIPT_FOLDER}/install_searches.js`,
    deployments: { main: 'customdeploy_scend_install_searches' },
    params: {},
  },
  dashboard: {
    id: 'customscript_scend_sl_dashboard',
    file: `${SCRIPT_FOLDER}/sl_dashboard.js`,
    deployments: { main: 'customdeploy_scend_sl_dashboard' },
    params: {},
  },
  setupAudit: {
    id: 'customscript_scend_sl_setup_audit',
    // It tries the API secret with one read, as the configuration check does.
    callsScend: true,
    file: `${SCRIPT_FOLDER}/sl_setup_audit.js`,
    deployments: { main: 'customdeploy_scend_sl_setup_audit' },
    params: {},
  },
  drift: {
    id: 'customscript_scend_mr_drift',
    callsScend: true,
    file: `${SCRIPT_FOLDER}/mr_drift.js`,
    deployments: { main: 'customdeploy_scend_mr_drift' },
    params: {
      despatchGraceMinutes: 'custscript_scend_drift_despatch_grace',
    },
  },
  reconciliation: {
    id: 'customscript_scend_sl_recon',
    // It reads Scend's despatches feed for the period.
    callsScend: true,
    file: `${SCRIPT_FOLDER}/sl_reconciliation.js`,
    deployments: { main: 'customdeploy_scend_sl_recon' },
    params: {},
  },
  reconRunGuard: {
    id: 'customscript_scend_ue_recon_run',
    file: `${SCRIPT_FOLDER}/ue_recon_run.js`,
    deployments: { main: 'customdeploy_scend_ue_recon_run' },
    params: {},
  },
} as const;

/** Standard NetSuite record types, fields and values the bundle reads or writes. */
export const NS = {
  types: {
    salesOrder: 'salesorder',
    itemFulfillment: 'itemfulfillment',
    location: 'location',
    inventoryItem: 'inventoryitem',
    kitItem: 'kititem',
    inventoryAdjustment: 'inventoryadjustment',
    purchaseOrder: 'purchaseorder',
    transferOrder: 'transferorder',
    returnAuthorization: 'returnauthorization',
    itemReceipt: 'itemreceipt',
  },
  location: { name: 'name', isInactive: 'isinactive' },
} as const;

/** The scripts the Scend API secret must be restricted to (and nothing else may use it). */
export const SCEND_CALLER_SCRIPT_IDS: readonly string[] = Object.values(SCRIPTS)
  .filter((s) => 'callsScend' in s && s.callsScend === true)
  .map((s) => s.id);
